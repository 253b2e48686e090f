package io.closeloop.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.TimeConfiguration;
import io.closeloop.engine.instance.SingletonTasks;

/**
 * A forecast's life with the engine played by a mock: opened once while the trend holds,
 * kept pending while the engine is down, cleared when the metric recovers, opened again
 * as its next occurrence.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:forecasts;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
@Import({ TelemetryIntake.class, TrendForecasts.class, TrendDetector.class, TrendForecastsTests.Settings.class,
		TimeConfiguration.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TrendForecastsTests {

	private static final Instant T0 = Instant.parse("2026-11-14T00:00:00Z");

	@Autowired
	private TelemetryIntake intake;

	@Autowired
	private TrendForecasts forecasts;

	@Autowired
	private TrendForecastRepository repository;

	@Autowired
	private JdbcTemplate jdbc;

	@MockitoBean
	private MaintenanceProcess process;

	@MockitoBean
	private SingletonTasks singletons;

	@Test
	void shouldOpenOnceClearWhenTheMetricRecoversAndOpenAgainAsTheNextOccurrence() {
		when(this.process.start(any())).thenReturn(101L, 102L);

		// 40 % free falling 12 % a day: opened, and its process started.
		assertThat(this.intake.accept(hourly("dev-1", 0, 24, (hour) -> 40 - 0.5 * hour))).hasSize(1);
		TrendForecast opened = forecast("dev-1");
		assertThat(opened.getState()).isEqualTo(TrendForecast.State.STARTED);
		assertThat(opened.getProcessInstanceKey()).isEqualTo(101L);
		assertThat(opened.getOccurrence()).isEqualTo(1);

		// Still falling: nothing new.
		assertThat(this.intake.accept(hourly("dev-1", 24, 30, (hour) -> 40 - 0.5 * hour))).isEmpty();
		// Cleaned up: back to 90 % and flat, so the forecast is cleared.
		assertThat(this.intake.accept(hourly("dev-1", 30, 61, (hour) -> 90))).isEmpty();
		assertThat(forecast("dev-1").getState()).isEqualTo(TrendForecast.State.CLEARED);
		// Filling again: the same forecast opens as its second occurrence.
		assertThat(this.intake.accept(hourly("dev-1", 61, 85, (hour) -> 90 - 3 * (hour - 60)))).hasSize(1);

		TrendForecast again = forecast("dev-1");
		assertThat(again.getId()).isEqualTo(opened.getId());
		assertThat(again.getOccurrence()).isEqualTo(2);
		assertThat(again.getState()).isEqualTo(TrendForecast.State.STARTED);
		assertThat(again.getProcessInstanceKey()).isEqualTo(102L);
		assertThat(again.getClearedAt()).isNull();
		verify(this.process, times(2)).start(any());
	}

	@Test
	void shouldKeepAForecastPendingWhileTheEngineIsDownAndStartItLater() {
		when(this.process.start(any())).thenThrow(new IllegalStateException("UNAVAILABLE")).thenReturn(77L);

		assertThat(this.intake.accept(hourly("dev-2", 0, 24, (hour) -> 40 - 0.5 * hour))).hasSize(1);
		assertThat(forecast("dev-2").getState()).isEqualTo(TrendForecast.State.PENDING);
		// Later samples start nothing themselves: the forecast is open, only its start is
		// due.
		assertThat(this.intake.accept(hourly("dev-2", 24, 26, (hour) -> 40 - 0.5 * hour))).isEmpty();

		this.jdbc.update("update trend_forecast set opened_at = ? where device_id = 'dev-2'",
				Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
		this.forecasts.startPending();

		assertThat(forecast("dev-2").getState()).isEqualTo(TrendForecast.State.STARTED);
		assertThat(forecast("dev-2").getProcessInstanceKey()).isEqualTo(77L);
		verify(this.process, times(2)).start(any());
	}

	private TrendForecast forecast(String deviceId) {
		return this.repository.findByTenantAndDeviceIdAndMetric("acme", deviceId, "diskFreePct").orElseThrow();
	}

	private static List<TelemetryRequest> hourly(String deviceId, int from, int to, IntToDoubleFunction value) {
		List<TelemetryRequest> samples = new ArrayList<>();
		for (int hour = from; hour < to; hour++) {
			samples.add(new TelemetryRequest("acme", new TelemetryRequest.Device(deviceId, "ACME-WS-042"),
					"diskFreePct", value.applyAsDouble(hour), T0.plus(Duration.ofHours(hour))));
		}
		return samples;
	}

	@TestConfiguration
	static class Settings {

		/** A one-day window, so each phase of the series is judged on its own. */
		@Bean
		TrendSettings trendSettings() {
			return new TrendSettings(Duration.ofDays(7), Duration.ofDays(1), 6, Duration.ofHours(6), 0.6);
		}

	}

}
