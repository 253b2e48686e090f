package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/** The intake's contract: authentication, validation, and vendors' retries. */
class AlertIntakeApiTests extends IntegrationTest {

	@Test
	void shouldAnswerARetriedAlertWithTheOneAlreadyStored() {
		ApiClient api = api();
		String body = Alerts.workstationDiskLow();
		ApiClient.Response first = api.postAlert(body);
		ApiClient.Response retry = api.postAlert(body);

		assertThat(first.status()).isEqualTo(202);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.id()).isEqualTo(first.id());
		assertThat(retry.json()).containsEntry("duplicate", true);
		Map<String, Object> alert = api.awaitStatus(first.id(), "RESOLVED");
		assertThat(ApiClient.steps(alert)).containsOnlyOnce("Process started", "Ticket opened");
	}

	@Test
	void shouldListEveryFieldErrorOfAnUnusableAlert() {
		ApiClient.Response response = api().postAlert("""
				{"source":"datto-rmm","tenant":"acme corp!","device":{"hostname":"x"},"severity":"warning"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactlyInAnyOrder("externalId", "tenant", "device.id");
		assertThat(response.body()).doesNotContain("Exception", "at io.");
	}

	@Test
	void shouldRejectMalformedJsonClearly() {
		ApiClient.Response response = api().postAlert("{\"source\": \"datto-rmm\",");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json()).containsEntry("message", "The request body is not valid JSON");
		assertThat(response.body()).doesNotContain("Exception", "at com.");
	}

	@Test
	void shouldNameAFieldOfTheWrongType() {
		ApiClient.Response response = api().postAlert(Alerts.workstationDiskLow().replace("4.0}", "\"lots\"}"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactly("metrics.diskFreePct");
	}

	@Test
	void shouldAcceptUnknownAlertTypesAndHandThemToAPerson() {
		ApiClient api = api();
		String body = Alerts.workstationDiskLow().replace("disk.space.low", "ups.on.battery");
		long id = api.postAlert(body).id();

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L3").containsEntry("remediation", null);
	}

	@Test
	void shouldRefuseCallsWithoutAValidApiKey() {
		ApiClient api = api();
		HttpRequest.Builder post = HttpRequest.newBuilder(api.uri("/api/alerts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Alerts.workstationDiskLow()));

		assertThat(api.send(post.build()).status()).isEqualTo(401);
		assertThat(api.send(post.header("X-Api-Key", "demo-api-kez").build()).status()).isEqualTo(401);
		assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/alerts/1")).build()).status()).isEqualTo(401);
	}

	@Test
	void shouldRefuseAnOversizedBodyWith413() {
		String huge = Alerts.workstationDiskLow().replace("C: free space 4%", "x".repeat(1_100_000));
		ApiClient.Response response = api().postAlert(huge);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json()).containsEntry("error", "Payload Too Large");
	}

	@Test
	void shouldAnswer404ForAnUnknownAlert() {
		ApiClient api = api();
		assertThat(api
			.send(HttpRequest.newBuilder(api.uri("/api/alerts/987654321"))
				.header("X-Api-Key", ApiClient.DEMO_KEY)
				.build())
			.status()).isEqualTo(404);
	}

	@Test
	void shouldPublishTheApiDescription() {
		ApiClient api = api();
		ApiClient.Response docs = api.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).build());
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/alerts", "/api/alerts/{id}", "X-Api-Key");
	}

	@SuppressWarnings("unchecked")
	private static List<String> errorFields(ApiClient.Response response) {
		return ((List<Map<String, Object>>) response.json().get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.toList();
	}

}
