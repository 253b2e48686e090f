package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.security.SignInThrottle;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * The webhook door through the real security configuration: a secret outside the body is
 * checked before the body is read, a delivery handled once is not acted on again, and
 * failed secrets count against the caller's address.
 */
class WebhookEdgeTests extends IntegrationTest {

	@Autowired
	private SignInThrottle throttle;

	@AfterEach
	void unlock() {
		this.throttle.forgetAll();
	}

	@Test
	void shouldRefuseAWrongTokenBeforeReadingALargeBody() throws Exception {
		// Two MiB in chunks: were the body read first, the limit would answer 413.
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/webhooks/datto?token=guessed"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Padding(2 * 1024 * 1024)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Not authenticated as datto");
	}

	@Test
	void shouldNotActAgainOnASignedDeliveryThatIsReplayed() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String body = AutotaskWebhookTests.webhook("Create", ticketId, 29683498);
		ApiClient.Response first = webhooks().autotask(body);
		assertThat(first.status()).isEqualTo(202);
		List<String> stepsBefore = ApiClient.steps(api().awaitStatus(first.id(), "ESCALATED"));

		ApiClient.Response replayed = webhooks().autotask(body);

		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.json()).containsEntry("replayed", true)
			.containsEntry("duplicate", true)
			.containsEntry("id", (int) first.id());
		assertThat((String) replayed.json().get("message")).contains("nothing was done again");
		List<String> stepsAfter = ApiClient.steps(api().alert(first.id()));
		assertThat(stepsAfter).as("the replay is noted, and nothing else happened").hasSize(stepsBefore.size() + 1);
		assertThat(stepsAfter.subList(0, stepsBefore.size())).isEqualTo(stepsBefore);
		assertThat(stepsAfter.get(stepsBefore.size())).isEqualTo("Duplicate received");
		assertThat(api().alert(first.id())).containsEntry("status", "ESCALATED");
		// A delivery of its own about the same ticket is still the vendor's to send.
		ApiClient.Response resent = webhooks().autotask(body.replace("\"SequenceNumber\":1", "\"SequenceNumber\":2"));
		assertThat(resent.json()).containsEntry("duplicate", true).doesNotContainKey("replayed");
	}

	@Test
	void shouldLockOutAnAddressThatGuessesWebhookSecrets() {
		Webhooks webhooks = webhooks();
		String body = """
				{"alertUid":"%s","alertMessage":"C: free space 4%%","deviceUid":"dev-1","siteUid":"demo-site-acme"}
				""".formatted(System.nanoTime());
		for (int guess = 1; guess <= 5; guess++) {
			assertThat(webhooks.datto(body, "guess-" + guess).status()).isEqualTo(401);
		}

		ApiClient.Response locked = webhooks.datto(body);

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("Too many failed sign-ins from this address");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** {@code {"x":"…"}} of the given size, made as it is read. */
	private static final class Padding extends InputStream {

		private final long size;

		private long position;

		Padding(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			long at = this.position++;
			if (at < 6) {
				return "{\"x\":\"".charAt((int) at);
			}
			return (at == this.size - 2) ? '"' : (at == this.size - 1) ? '}' : 'x';
		}

	}

}
