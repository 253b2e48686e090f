package io.closeloop.workers.connector.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.github.resilience4j.retry.Retry;

/**
 * Sends one vendor's requests with timeouts and retries, and sorts every answer into a
 * success, a transient failure (retried, then a {@link ConnectorException}) or a
 * rejection ({@link VendorRejectedException}, never retried).
 * <p>
 * The JDK's {@link HttpClient} rather than Spring's RestClient: the workers module has no
 * Spring Web to build on, and the JDK client reports a timeout as its own exception type,
 * which is what tells a transient failure from the rest here.
 */
public class VendorHttp {

	private static final Logger log = LoggerFactory.getLogger(VendorHttp.class);

	private static final int MAX_MESSAGE = 300;

	private final String vendor;

	private final HttpSettings settings;

	private final Redactor redactor;

	private final Clock clock;

	private final HttpClient client;

	private final Retry idempotentRetry;

	private final Retry startRetry;

	public VendorHttp(String vendor, HttpSettings settings, Redactor redactor, Clock clock) {
		this.vendor = vendor;
		this.settings = settings;
		this.redactor = redactor;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.idempotentRetry = RetryPolicy.of(vendor, settings, Idempotence.IDEMPOTENT);
		this.startRetry = RetryPolicy.of(vendor, settings, Idempotence.NOT_IDEMPOTENT);
	}

	public String vendor() {
		return this.vendor;
	}

	public HttpSettings settings() {
		return this.settings;
	}

	/** A request to {@code uri} with the configured read timeout, asking for JSON. */
	public HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(this.settings.readTimeout()).header("Accept", "application/json");
	}

	/**
	 * Sends the request, retrying transient failures as far as {@code idempotence}
	 * allows. The request is built anew for every attempt, so a refreshed token is used.
	 * @throws ConnectorException when attempts run out, naming the vendor, the operation
	 * and the last status
	 * @throws VendorRejectedException for a 3xx or 4xx other than 429
	 */
	public VendorResponse send(String operation, Idempotence idempotence, Supplier<HttpRequest> request) {
		Retry retry = (idempotence == Idempotence.IDEMPOTENT) ? this.idempotentRetry : this.startRetry;
		AtomicInteger attempts = new AtomicInteger();
		try {
			return retry.executeSupplier(() -> {
				if (attempts.incrementAndGet() > 1) {
					log.warn("{} {}: attempt {} of {}", this.vendor, operation, attempts.get(),
							this.settings.maxAttempts());
				}
				return attempt(operation, request.get());
			});
		}
		catch (TransientFailure failure) {
			if (idempotence == Idempotence.NOT_IDEMPOTENT && !failure.surelyNotActedOn()) {
				throw new OutcomeUnknownException(
						this.vendor + " " + operation + " failed after " + attempts.get() + " attempt(s); last: "
								+ failure.getMessage() + ". It may have been carried out, so it is not sent again");
			}
			throw new ConnectorException(this.vendor + " " + operation + " failed after " + attempts.get()
					+ " attempt(s); last: " + failure.getMessage());
		}
	}

	private VendorResponse attempt(String operation, HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpConnectTimeoutException ex) {
			throw new TransientFailure("no connection within " + this.settings.connectTimeout(), 0, null, true);
		}
		catch (HttpTimeoutException ex) {
			Duration timeout = request.timeout().orElse(this.settings.readTimeout());
			throw new TransientFailure("no answer within " + timeout, 0, null, false);
		}
		catch (ConnectException ex) {
			throw new TransientFailure("connection failed: " + clean(ex.getMessage()), 0, null, true);
		}
		catch (IOException ex) {
			throw new TransientFailure("I/O error: " + clean(ex.getMessage()), 0, null, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException(this.vendor + " " + operation + " interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new VendorResponse(status, response.body());
		}
		if (status == 429 || status >= 500) {
			throw transientStatus(operation, status, response);
		}
		throw new VendorRejectedException(this.vendor, operation, status, clean(response.body()));
	}

	private RuntimeException transientStatus(String operation, int status, HttpResponse<String> response) {
		Duration retryAfter = (status == 429 || status == 503)
				? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant())
				: null;
		if (retryAfter != null && retryAfter.compareTo(this.settings.maxRetryAfter()) > 0) {
			return new ConnectorException(this.vendor + " " + operation + " answered HTTP " + status
					+ " asking to wait " + retryAfter + ", longer than the " + this.settings.maxRetryAfter()
					+ " a worker waits; the job's backoff takes over");
		}
		String reason = "HTTP " + status + ((retryAfter != null) ? " (Retry-After " + retryAfter + ")" : "");
		String body = clean(response.body());
		if (body != null && !body.isBlank()) {
			reason += ": " + body;
		}
		// A 429 is refused before any work is done; a 5xx may come after the work.
		return new TransientFailure(reason, status, retryAfter, status == 429);
	}

	/** Without secrets, and short enough for a ticket or a log line. */
	String clean(String text) {
		String cleaned = this.redactor.clean(text);
		if (cleaned == null) {
			return null;
		}
		cleaned = cleaned.strip();
		return (cleaned.length() > MAX_MESSAGE) ? cleaned.substring(0, MAX_MESSAGE) + "…" : cleaned;
	}

}
