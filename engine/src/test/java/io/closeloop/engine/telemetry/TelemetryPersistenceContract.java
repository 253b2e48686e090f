package io.closeloop.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;

/**
 * What the telemetry tables must do on every database Closeloop runs on; one subclass per
 * database.
 */
abstract class TelemetryPersistenceContract {

	private static final Instant T0 = Instant.parse("2026-11-14T10:00:00Z");

	@Autowired
	private TelemetrySampleRepository samples;

	@Autowired
	private TrendForecastRepository forecasts;

	@Test
	void shouldReadASeriesWindowOldestFirstAndTrimWhatIsOlder() {
		for (int day = 20; day >= 0; day--) {
			this.samples.save(sample("dev-1", "diskFreePct", T0.plus(Duration.ofDays(day)), 50 - day));
		}
		this.samples.save(sample("dev-2", "diskFreePct", T0, 10));
		this.samples.save(sample("dev-1", "memoryFreePct", T0, 10));
		this.samples.flush();

		int deleted = this.samples.deleteOlderThan("acme", "dev-1", "diskFreePct", T0.plus(Duration.ofDays(6)));

		assertThat(deleted).isEqualTo(6);
		List<TelemetrySample> window = this.samples
			.findByTenantAndDeviceIdAndMetricAndAtGreaterThanEqualOrderByAtAscIdAsc("acme", "dev-1", "diskFreePct", T0);
		assertThat(window).hasSize(15);
		assertThat(window.get(0).getAt()).isEqualTo(T0.plus(Duration.ofDays(6)));
		assertThat(window.get(0).getValue()).isEqualTo(44.0);
		assertThat(this.samples.findFirstByTenantAndDeviceIdAndMetricOrderByAtDesc("acme", "dev-1", "diskFreePct"))
			.hasValueSatisfying((newest) -> assertThat(newest.getAt()).isEqualTo(T0.plus(Duration.ofDays(20))));
		assertThat(this.samples.findFirstByTenantAndDeviceIdAndMetricOrderByAtDesc("acme", "dev-2", "diskFreePct"))
			.isPresent();
	}

	@Test
	void shouldStoreAForecastAndReadItBack() {
		TrendForecast forecast = this.forecasts.saveAndFlush(forecast("dev-3", "diskFreePct"));
		forecast.processStarted(42L);
		this.forecasts.saveAndFlush(forecast);

		TrendForecast found = this.forecasts.findByTenantAndDeviceIdAndMetric("acme", "dev-3", "diskFreePct")
			.orElseThrow();
		assertThat(found.getState()).isEqualTo(TrendForecast.State.STARTED);
		assertThat(found.getProcessInstanceKey()).isEqualTo(42L);
		assertThat(found.getOccurrence()).isEqualTo(1);
		assertThat(found.getProjectedExhaustionAt()).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
		assertThat(found.getDaysLeft()).isEqualTo(4.25);
		assertThat(found.getRSquared()).isEqualTo(0.98);
	}

	@Test
	void shouldRefuseASecondForecastForTheSameSeries() {
		this.forecasts.saveAndFlush(forecast("dev-4", "diskFreePct"));
		this.forecasts.saveAndFlush(forecast("dev-4", "memoryUsedPct"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.forecasts.saveAndFlush(forecast("dev-4", "diskFreePct")));
	}

	@Test
	void shouldFindPendingForecastsOnly() {
		TrendForecast pending = this.forecasts.saveAndFlush(forecast("dev-5", "diskFreePct"));
		TrendForecast started = forecast("dev-6", "diskFreePct");
		started.processStarted(7L);
		this.forecasts.saveAndFlush(started);

		assertThat(this.forecasts.findByStateAndOpenedAtBeforeOrderByIdAsc(TrendForecast.State.PENDING,
				Instant.now().plusSeconds(1), PageRequest.of(0, 10)))
			.extracting(TrendForecast::getId)
			.contains(pending.getId())
			.doesNotContain(started.getId());
	}

	private static TelemetrySample sample(String deviceId, String metric, Instant at, double value) {
		return new TelemetrySample("acme", deviceId, "ACME-WS-042", metric, value, at, Instant.now());
	}

	private static TrendForecast forecast(String deviceId, String metric) {
		Projection projection = new Projection(Exhaustion.FALLS_TO_ZERO, 17.0, -4.0, 0.98, 169,
				Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-25T16:00:00Z"), 4.25);
		return new TrendForecast(new Series("acme", deviceId, metric), "ACME-WS-042", projection, Instant.now());
	}

}
