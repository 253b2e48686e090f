package io.closeloop.workers.connector.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request check itself: requests written by hand, some breaking the vendors'
 * descriptions, must be reported, and conforming ones must not.
 */
class OpenApiStubTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@Nested
	class NinjaOne {

		@RegisterExtension
		static OpenApiStub vendor = OpenApiStub.of("openapi/ninjaone.yaml", "/ws/oauth/token");

		@Test
		void shouldReportAPageSizeOutsideThePublishedRange() {
			send(vendor, "GET", "/v2/device/311/activities?pageSize=1", null, "Bearer t");
			send(vendor, "GET", "/v2/device/311/activities?newerThan=77&pageSize=1001", null, "Bearer t");

			assertThat(vendor.takeViolations()).hasSize(2)
				.allSatisfy((violation) -> assertThat(violation).contains("pageSize"))
				.anySatisfy((violation) -> assertThat(violation).contains("minimum"))
				.anySatisfy((violation) -> assertThat(violation).contains("maximum"));
		}

		@Test
		void shouldReportADeviceIdThatIsNoNumberAnUndeclaredParameterAndAMissingToken() {
			send(vendor, "GET", "/v2/device/dev-7", null, "Bearer t");
			send(vendor, "GET", "/v2/device/7/activities?limit=10", null, "Bearer t");
			send(vendor, "GET", "/v2/device/7", null, null);

			List<String> violations = vendor.takeViolations();
			assertThat(violations).anySatisfy((violation) -> assertThat(violation).contains("/v2/device/dev-7"))
				.anySatisfy((violation) -> assertThat(violation).contains("limit"))
				.anySatisfy((violation) -> assertThat(violation).contains("security"));
		}

		@Test
		void shouldReportAScriptBodyWithAListOfParametersOrAnUnknownField() {
			send(vendor, "POST", "/v2/device/7/script/run",
					"{\"type\":\"SCRIPT\",\"id\":41,\"parameters\":[\"-Drive\",\"C\"]}", "Bearer t");
			send(vendor, "POST", "/v2/device/7/script/run", "{\"type\":\"SCRIPT\",\"scriptId\":41}", "Bearer t");

			assertThat(vendor.takeViolations()).hasSize(2)
				.anySatisfy((violation) -> assertThat(violation).contains("parameters"))
				.anySatisfy((violation) -> assertThat(violation).contains("scriptId"));
		}

		@Test
		void shouldPassConformingRequestsAndThePathsOutsideTheDescription() {
			send(vendor, "GET", "/v2/device/7/activities?newerThan=9000&pageSize=200", null, "Bearer t");
			send(vendor, "POST", "/v2/device/7/script/run",
					"{\"type\":\"SCRIPT\",\"id\":41,\"parameters\":\"-Drive C\",\"runAs\":\"system\"}", "Bearer t");
			send(vendor, "POST", "/ws/oauth/token", "grant_type=client_credentials", null);

			assertThat(vendor.takeViolations()).isEmpty();
		}

	}

	@Nested
	class Datto {

		@RegisterExtension
		static OpenApiStub vendor = OpenApiStub.of("openapi/datto.yaml", "/auth/oauth/token");

		@Test
		void shouldReportAQuickJobWithoutItsNameOrSentWithTheWrongMethod() {
			send(vendor, "PUT", "/api/v2/device/d-1/quickjob", "{\"jobComponent\":{\"componentUid\":\"c-1\"}}",
					"Bearer t");
			send(vendor, "POST", "/api/v2/device/d-1/quickjob",
					"{\"jobName\":\"n\",\"jobComponent\":{\"componentUid\":\"c-1\"}}", "Bearer t");
			send(vendor, "GET", "/api/v2/job/j-1/output", null, "Bearer t");

			List<String> violations = vendor.takeViolations();
			assertThat(violations).hasSize(3)
				.anySatisfy((violation) -> assertThat(violation).contains("jobName"))
				.anySatisfy((violation) -> assertThat(violation).contains("POST operation not allowed"))
				.anySatisfy((violation) -> assertThat(violation).contains("No API path found"));
		}

		@Test
		void shouldPassAConformingQuickJob() {
			send(vendor, "PUT", "/api/v2/device/d-1/quickjob",
					"{\"jobName\":\"n\",\"jobComponent\":{\"componentUid\":\"c-1\",\"variables\":[{\"name\":\"drive\",\"value\":\"C\"}]}}",
					"Bearer t");
			send(vendor, "GET", "/api/v2/job/j-1/results/d-1/stderr", null, "Bearer t");

			assertThat(vendor.takeViolations()).isEmpty();
		}

	}

	@Nested
	class Ncentral {

		@RegisterExtension
		static OpenApiStub vendor = OpenApiStub.of("openapi/ncentral.yaml");

		@Test
		void shouldReportADirectTaskWithoutCredentialOrWithADeviceIdBeyondInt32() {
			send(vendor, "POST", "/api/scheduled-tasks/direct",
					"{\"name\":\"t\",\"itemId\":1,\"taskType\":\"Script\",\"customerId\":100,\"deviceId\":5}",
					"Bearer t");
			send(vendor, "POST", "/api/scheduled-tasks/direct",
					"{\"name\":\"t\",\"itemId\":1,\"taskType\":\"Script\",\"customerId\":100,\"deviceId\":98765432100,"
							+ "\"credential\":{\"type\":\"LocalSystem\"}}",
					"Bearer t");
			send(vendor, "POST", "/api/scheduled-tasks/direct",
					"{\"name\":\"t\",\"itemId\":1,\"taskType\":\"script\",\"customerId\":100,\"deviceId\":5,"
							+ "\"credential\":{\"type\":\"LocalSystem\"},\"parameters\":[{\"name\":\"CommandLine\"}]}",
					"Bearer t");

			List<String> violations = vendor.takeViolations();
			assertThat(violations).anySatisfy((violation) -> assertThat(violation).contains("credential"))
				.anySatisfy((violation) -> assertThat(violation).contains("deviceId"))
				.anySatisfy((violation) -> assertThat(violation).contains("taskType"))
				.anySatisfy((violation) -> assertThat(violation).contains("description"));
		}

		@Test
		void shouldPassTheTokenExchangeAndAConformingTask() {
			send(vendor, "POST", "/api/auth/authenticate", null, "Bearer user-api-jwt");
			send(vendor, "POST", "/api/scheduled-tasks/direct",
					"{\"name\":\"t\",\"itemId\":1,\"taskType\":\"Script\",\"customerId\":100,\"deviceId\":5,"
							+ "\"credential\":{\"type\":\"LocalSystem\"},\"parameters\":[]}",
					"Bearer t");
			send(vendor, "GET", "/api/scheduled-tasks/17/status/details", null, "Bearer t");

			assertThat(vendor.takeViolations()).isEmpty();
		}

	}

	private static void send(OpenApiStub vendor, String method, String path, String body, String authorization) {
		vendor.stubFor(any(anyUrl()).willReturn(ok()));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vendor.baseUrl() + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type",
					body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
