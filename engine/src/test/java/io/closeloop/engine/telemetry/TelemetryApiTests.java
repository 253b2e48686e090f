package io.closeloop.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/**
 * Telemetry in, scheduled maintenance out: samples posted as an RMM would, with the real
 * detector, process, worker and simulated PSA.
 */
class TelemetryApiTests extends IntegrationTest {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

	private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

	private static final Duration HOURLY = Duration.ofHours(1);

	@Autowired
	private TelemetrySampleRepository samples;

	@Test
	@SuppressWarnings("unchecked")
	void shouldOpenOneScheduledMaintenanceTicketForADiskFillingUp() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		// A week of hourly samples, 45 % free falling 4 % a day: 17 % and about 4.25 days
		// left.
		ApiClient.Response accepted = postTelemetry(api, series(hostname, "diskFreePct", WEEK_AGO, HOURLY, 0, 169,
				(hour) -> 45 - 4 * hour / 24.0 + Math.sin(hour) * 0.3));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertThat(accepted.json()).containsEntry("accepted", 169);
		List<Map<String, Object>> opened = (List<Map<String, Object>>) accepted.json().get("forecastsOpened");
		assertThat(opened).singleElement().satisfies((forecast) -> {
			assertThat(forecast).containsEntry("deviceId", "dev-" + hostname).containsEntry("metric", "diskFreePct");
			assertThat((Double) forecast.get("daysLeft")).isCloseTo(4.25, within(0.1));
		});
		Map<String, Object> ticket = awaitTicketFor(api, "dev-" + hostname);
		assertThat((String) ticket.get("summary"))
			.startsWith("[Closeloop] Scheduled maintenance: disk projected full in 4.")
			.endsWith(" days on " + hostname);
		assertThat(ApiClient.notes(ticket))
			.anySatisfy((note) -> assertThat(note).contains("diskFreePct on " + hostname, "over 169 samples"));

		// The disk keeps filling: more samples, as a batch and one by one, open nothing
		// new.
		ApiClient.Response later = postTelemetry(api,
				series(hostname, "diskFreePct", WEEK_AGO, HOURLY, 169, 175, (hour) -> 45 - 4 * hour / 24.0));
		ApiClient.Response single = postTelemetry(api,
				sample(hostname, "diskFreePct", NOW.plus(Duration.ofHours(8)), 14.0));
		assertThat(later.json()).containsEntry("forecastsOpened", List.of());
		assertThat(single.status()).isEqualTo(202);
		assertThat(single.json()).containsEntry("accepted", 1).containsEntry("forecastsOpened", List.of());
		assertThat(ticketsFor(api, "dev-" + hostname)).hasSize(1);
	}

	@Test
	void shouldOpenNothingForANoisyFlatSeriesOrAMetricThatDoesNotRunOut() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();

		ApiClient.Response noisy = postTelemetry(api,
				series(hostname, "diskFreePct", WEEK_AGO, HOURLY, 0, 169, (hour) -> 40 + ((hour * 7919) % 13) - 6));
		ApiClient.Response cpu = postTelemetry(api,
				series(hostname, "cpuPct", WEEK_AGO, HOURLY, 121, 169, (hour) -> hour / 2.0));

		assertThat(noisy.json()).containsEntry("forecastsOpened", List.of());
		assertThat(cpu.json()).containsEntry("forecastsOpened", List.of());
		assertThat(ticketsFor(api, "dev-" + hostname)).isEmpty();
	}

	@Test
	void shouldKeepOnlyTheWindowOfEachSeries() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();

		// Twenty days, one sample every six hours; the default window is fourteen days.
		postTelemetry(api, series(hostname, "memoryFreePct", NOW.minus(Duration.ofDays(20)), Duration.ofHours(6), 0, 81,
				(i) -> 50));

		List<TelemetrySample> kept = this.samples
			.findByTenantAndDeviceIdAndMetricAndAtGreaterThanEqualOrderByAtAscIdAsc("acme", "dev-" + hostname,
					"memoryFreePct", Instant.EPOCH);
		assertThat(kept).hasSize(57);
		assertThat(kept.get(0).getAt()).isEqualTo(NOW.minus(Duration.ofDays(14)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListEveryFieldErrorOfEverySample() {
		ApiClient api = api();
		ApiClient.Response response = postTelemetry(api, """
				[{"tenant":"acme corp!","device":{"hostname":"x"},"metric":"diskFreePct","value":3.5,
				  "at":"2026-11-21T10:00:00Z"},
				 {"tenant":"acme","device":{"id":"dev-1"},"metric":"","at":null}]
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactlyInAnyOrder("samples[0].tenant", "samples[0].device.id",
				"samples[1].metric", "samples[1].value", "samples[1].at");
		assertThat(response.body()).doesNotContain("Exception", "at io.");

		ApiClient.Response single = postTelemetry(api, """
				{"tenant":"acme","metric":"diskFreePct","at":"2026-11-21T10:00:00Z"}""");
		assertThat(single.status()).isEqualTo(400);
		assertThat(errorFields(single)).containsExactlyInAnyOrder("samples[0].device", "samples[0].value");

		assertThat(errorFields(postTelemetry(api, "[]"))).containsExactly("samples");
	}

	@Test
	void shouldNameASampleFieldOfTheWrongType() {
		ApiClient api = api();
		ApiClient.Response response = postTelemetry(api,
				"""
						[{"tenant":"acme","device":{"id":"dev-1"},"metric":"diskFreePct","value":1.0,"at":"2026-11-21T10:00:00Z"},
						 {"tenant":"acme","device":{"id":"dev-1"},"metric":"diskFreePct","value":"lots","at":"2026-11-21T11:00:00Z"}]
						""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactly("samples[1].value");
		ApiClient.Response single = postTelemetry(api, """
				{"tenant":"acme","device":{"id":"dev-1"},"metric":"diskFreePct","value":1.0,"at":"yesterday"}""");
		assertThat(errorFields(single)).containsExactly("samples[0].at");
	}

	@Test
	void shouldRefuseSamplesWithoutAValidApiKey() {
		ApiClient api = api();
		HttpRequest.Builder post = HttpRequest.newBuilder(api.uri("/api/telemetry"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(sample("ACME-WS-1", "diskFreePct", NOW, 37.5)));

		assertThat(api.send(post.build()).status()).isEqualTo(401);
		assertThat(api.send(post.header("X-Api-Key", "demo-api-kez").build()).status()).isEqualTo(401);
	}

	private static ApiClient.Response postTelemetry(ApiClient api, String body) {
		return api.send(HttpRequest.newBuilder(api.uri("/api/telemetry"))
			.header("X-Api-Key", ApiClient.DEMO_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Samples number {@code from} to {@code to - 1} of a series that starts at
	 * {@code first} and has one sample every {@code step}.
	 */
	private static String series(String hostname, String metric, Instant first, Duration step, int from, int to,
			IntToDoubleFunction value) {
		List<String> samples = new ArrayList<>();
		for (int i = from; i < to; i++) {
			samples.add(sample(hostname, metric, first.plus(step.multipliedBy(i)), value.applyAsDouble(i)));
		}
		return "[" + String.join(",", samples) + "]";
	}

	private static String sample(String hostname, String metric, Instant at, double value) {
		return """
				{"tenant":"acme","device":{"id":"dev-%s","hostname":"%s"},"metric":"%s","value":%s,"at":"%s"}"""
			.formatted(hostname, hostname, metric, value, at);
	}

	private static Map<String, Object> awaitTicketFor(ApiClient api, String deviceId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			List<Map<String, Object>> tickets = ticketsFor(api, deviceId);
			if (!tickets.isEmpty()) {
				return tickets.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No ticket for " + deviceId + " in the simulated PSA");
	}

	private static List<Map<String, Object>> ticketsFor(ApiClient api, String deviceId) {
		return api.simulator("tickets").stream().filter((ticket) -> deviceId.equals(ticket.get("deviceId"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> errorFields(ApiClient.Response response) {
		return ((List<Map<String, Object>>) response.json().get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.toList();
	}

}
