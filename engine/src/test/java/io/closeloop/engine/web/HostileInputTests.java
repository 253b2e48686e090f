package io.closeloop.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Thousands of malformed, oversized, wrongly typed and hostile bodies and paths against
 * every inbound endpoint, generated with jqwik's arbitraries: never a 5xx, never a stack
 * trace, always a JSON answer.
 */
class HostileInputTests extends IntegrationTest {

	private static final int SAMPLES = 1500;

	private static final int WEBHOOK_SAMPLES = 600;

	private static final List<String> NASTY = List.of("", " ", "null", "<script>alert(1)</script>",
			"'; DROP TABLE alert; --", "\u0000", "\uD83D\uDCA5", "\u202Ehidden", "../../etc/passwd", "${jndi:ldap://x}",
			"%s%s%s%n", "9".repeat(400), "-1", "1e309", "NaN", "true", "{}", "[]");

	@Test
	void shouldAnswerEveryHostileAlertWithoutAServerError() {
		assertSurvives("/api/alerts", bodies(alertFields()));
	}

	@Test
	void shouldAnswerEveryHostileTelemetryBatchWithoutAServerError() {
		assertSurvives("/api/telemetry", bodies(telemetryFields()));
	}

	@Test
	void shouldAnswerEveryHostileWebhookOfEveryVendorWithoutAServerError() {
		Webhooks webhooks = new Webhooks(api());
		Arbitrary<String> bodies = bodies(webhookFields());
		Arbitraries.of("datto", "ninjaone", "tactical", "connectwise", "autotask", "halo")
			.sampleStream()
			.limit(WEBHOOK_SAMPLES)
			.forEach((vendor) -> {
				String body = bodies.sample();
				// Correctly authenticated, so the payload reaches the vendor's
				// translator.
				ApiClient.Response response = switch (vendor) {
					case "datto" -> webhooks.datto(body);
					case "connectwise" -> webhooks.connectwise(body);
					case "autotask" -> webhooks.autotask(body);
					case "halo" -> webhooks.halo(body);
					default -> webhooks.withToken(vendor, body);
				};
				assertThat(response.status()).as("POST /api/webhooks/" + vendor + " " + abbreviate(body))
					.isLessThan(500);
				assertThat(response.body()).as(abbreviate(body)).doesNotContain("Exception", "\tat ");
			});
	}

	@Test
	void shouldAnswerHostilePathsWithoutAServerError() {
		ApiClient api = api();
		Arbitraries
			.oneOf(Arbitraries.strings().ofMaxLength(40).map(ApiClient::encode),
					Arbitraries.longs().map(String::valueOf), Arbitraries.of(NASTY).map(ApiClient::encode))
			.sampleStream()
			.limit(300)
			.forEach((id) -> {
				ApiClient.Response response = api.send(HttpRequest.newBuilder(api.uri("/api/alerts/" + id))
					.header("X-Api-Key", ApiClient.DEMO_KEY)
					.build());
				assertThat(response.status()).as("GET /api/alerts/" + id).isLessThan(500);
				assertThat(response.body()).doesNotContain("Exception", "\tat ");
			});
	}

	private void assertSurvives(String path, Arbitrary<String> bodies) {
		ApiClient api = api();
		bodies.sampleStream().limit(SAMPLES).forEach((body) -> {
			ApiClient.Response response = api.send(HttpRequest.newBuilder(api.uri(path))
				.header("X-Api-Key", ApiClient.DEMO_KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			assertThat(response.status()).as("POST " + path + " " + abbreviate(body)).isLessThan(500);
			assertThat(response.body()).as(abbreviate(body)).doesNotContain("Exception", "\tat ");
			if (response.status() == 400) {
				assertThat(response.json()).containsKeys("status", "message");
			}
		});
	}

	/**
	 * Bodies: random text, deep nesting, and objects whose fields hold any kind of value.
	 */
	private static Arbitrary<String> bodies(Arbitrary<Map<String, String>> fields) {
		Arbitrary<String> objects = fields.map(HostileInputTests::json);
		Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(200);
		Arbitrary<String> deep = Arbitraries.integers()
			.between(1, 3000)
			.map((depth) -> "[".repeat(depth) + "]".repeat(depth));
		Arbitrary<String> arrays = objects.list().ofMaxSize(4).map((list) -> "[" + String.join(",", list) + "]");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, objects), net.jqwik.api.Tuple.of(2, garbage),
				net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, arrays));
	}

	private static Arbitrary<Map<String, String>> alertFields() {
		Arbitrary<String> any = anyValue();
		return Combinators
			.combine(any, any, any, any, any, any, any, anyValue().map((value) -> "{\"id\":" + value + "}"))
			.as((source, externalId, tenant, type, severity, message, metrics, device) -> Map.of("source", source,
					"externalId", externalId, "tenant", tenant, "type", type, "severity", severity, "message", message,
					"metrics", metrics, "device", device));
	}

	/** The fields the vendors' payloads carry, each holding any kind of value. */
	private static Arbitrary<Map<String, String>> webhookFields() {
		Arbitrary<String> names = Arbitraries.of("event", "alertUid", "alertMessage", "alertPriority", "alertCategory",
				"deviceUid", "deviceHostname", "siteUid", "id", "seriesUid", "status", "statusCode", "activityType",
				"type", "deviceId", "organizationId", "severity", "message", "sourceName", "alert_id", "agent_id",
				"client_id", "hostname", "Action", "Type", "ID", "Entity", "CompanyId", "MemberId", "Guid", "Fields",
				"EntityType", "ticket", "client_id", "tickettype_id", "summary", "details", "ticket_id");
		return Combinators.combine(names.list().ofMaxSize(12), anyValue().list().ofSize(12)).as((keys, values) -> {
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			for (int i = 0; i < keys.size(); i++) {
				fields.put(keys.get(i), values.get(i));
			}
			return fields;
		});
	}

	private static Arbitrary<Map<String, String>> telemetryFields() {
		Arbitrary<String> any = anyValue();
		return Combinators.combine(any, any, any, any, anyValue().map((value) -> "{\"id\":" + value + "}"))
			.as((tenant, metric, value, at, device) -> Map.of("tenant", tenant, "metric", metric, "value", value, "at",
					at, "device", device));
	}

	/**
	 * Any JSON value, valid or not for the field it lands in: strings (hostile ones too),
	 * numbers, and so on.
	 */
	private static Arbitrary<String> anyValue() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60).map(HostileInputTests::quote),
				Arbitraries.of(NASTY).map(HostileInputTests::quote), Arbitraries.doubles().map(String::valueOf),
				Arbitraries.longs().map(String::valueOf), Arbitraries.of("true", "false", "null", "{}", "[]", "[1,2]",
						"{\"diskFreePct\":\"lots\"}", "{\"diskFreePct\":4.5}"),
				Arbitraries.strings().ofLength(5000).map(HostileInputTests::quote));
	}

	private static String json(Map<String, String> fields) {
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":").append(value);
		});
		return json.append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

}
