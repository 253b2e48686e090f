package io.closeloop.engine.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to the running application over HTTP, as an RMM or integration would. */
public final class ApiClient {

	public static final String DEMO_KEY = "demo-api-key";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String key;

	public ApiClient(int port) {
		this(port, DEMO_KEY);
	}

	/** A client with its own key, for an application that runs without the demo's. */
	public ApiClient(int port, String key) {
		this.port = port;
		this.key = key;
	}

	public Response postAlert(String body) {
		return send(HttpRequest.newBuilder(uri("/api/alerts"))
			.header("X-Api-Key", this.key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Map<String, Object> alert(long id) {
		Response response = send(
				HttpRequest.newBuilder(uri("/api/alerts/" + id)).header("X-Api-Key", this.key).build());
		if (response.status() != 200) {
			throw new AssertionError("GET alert " + id + " answered " + response.status() + ": " + response.body());
		}
		return response.json();
	}

	/**
	 * Polls the alert until the condition holds, or fails with the alert's last state.
	 */
	public Map<String, Object> awaitAlert(long id, Predicate<Map<String, Object>> condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Map<String, Object> alert = alert(id);
		while (!condition.test(alert)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Alert " + id + " did not get there within " + timeout + ": " + alert);
			}
			sleep(100);
			alert = alert(id);
		}
		return alert;
	}

	public Map<String, Object> awaitStatus(long id, String status) {
		return awaitAlert(id, (alert) -> status.equals(alert.get("status")), Duration.ofSeconds(30));
	}

	public List<Map<String, Object>> simulator(String what) {
		Response response = send(
				HttpRequest.newBuilder(uri("/api/simulator/" + what)).header("X-Api-Key", this.key).build());
		try {
			return JSON.readValue(response.body(), new TypeReference<>() {
			});
		}
		catch (java.io.IOException ex) {
			throw new AssertionError("Not a JSON list: " + response.body(), ex);
		}
	}

	/** The simulated PSA's ticket for the alert, with its status and notes. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> ticketOf(Map<String, Object> alert) {
		String ticketId = (String) ((Map<String, Object>) alert.get("ticket")).get("id");
		return simulator("tickets").stream()
			.filter((ticket) -> ticketId.equals(ticket.get("id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No simulated ticket " + ticketId));
	}

	@SuppressWarnings("unchecked")
	public static List<String> notes(Map<String, Object> ticket) {
		return ((List<Map<String, Object>>) ticket.get("notes")).stream().map((n) -> (String) n.get("text")).toList();
	}

	@SuppressWarnings("unchecked")
	public static List<String> steps(Map<String, Object> alert) {
		return ((List<Map<String, Object>>) alert.get("timeline")).stream().map((e) -> (String) e.get("step")).toList();
	}

	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> timeline(Map<String, Object> alert) {
		return (List<Map<String, Object>>) alert.get("timeline");
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> decision(Map<String, Object> alert) {
		return (Map<String, Object>) alert.get("decision");
	}

	/** A path segment as a client would send it. */
	public static String encode(String segment) {
		return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An HTTP answer. */
	public record Response(int status, String body, String location) {

		public Map<String, Object> json() {
			try {
				return JSON.readValue(this.body, new TypeReference<>() {
				});
			}
			catch (java.io.IOException ex) {
				throw new AssertionError("Not a JSON object: " + this.body, ex);
			}
		}

		public long id() {
			return ((Number) json().get("id")).longValue();
		}

	}

}
