package io.closeloop.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/**
 * A body sent in chunks has no length to check in advance: the server counts it as it
 * reads and stops at the limit.
 */
class ChunkedBodyTests extends IntegrationTest {

	private static final int TWO_MIB = 2 * 1024 * 1024;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldRefuseAChunkedAlertBodyOverTheLimit() throws Exception {
		HttpResponse<String> response = post("/api/alerts", ApiClient.DEMO_KEY, new AtomicLong());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The request body is larger than 1048576 bytes");
	}

	@Test
	void shouldRefuseAChunkedWebhookBodyOverTheLimit() throws Exception {
		// Authenticated by the token in the URL, then counted as it is read.
		HttpResponse<String> response = post("/api/webhooks/datto?token=demo-datto-token", null, new AtomicLong());

		assertThat(response.statusCode()).isEqualTo(413);
	}

	private HttpResponse<String> post(String path, String key, AtomicLong sent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			// No length: the client sends the body in chunks.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new JsonPadding(TWO_MIB, sent)));
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code {"message":"xxxx…"}} of the given size, produced as it is read. */
	private static final class JsonPadding extends InputStream {

		private final byte[] head = "{\"message\":\"".getBytes();

		private final long size;

		private final AtomicLong sent;

		private long position;

		JsonPadding(long size, AtomicLong sent) {
			this.size = size;
			this.sent = sent;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			int next;
			if (this.position < this.head.length) {
				next = this.head[(int) this.position];
			}
			else if (this.position == this.size - 2) {
				next = '"';
			}
			else if (this.position == this.size - 1) {
				next = '}';
			}
			else {
				next = 'x';
			}
			this.position++;
			this.sent.incrementAndGet();
			return next;
		}

	}

}
