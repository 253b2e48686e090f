package io.closeloop.engine.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps one caller from drowning the API: bodies over the limit get 413, before they are
 * read when their length is announced and as soon as the limit is passed when it is not
 * (a chunked body), and an API key sending faster than its rate gets 429 with
 * {@code Retry-After}, so a well-behaved sender slows down instead of every caller timing
 * out.
 */
public class ApiRequestLimitFilter extends OncePerRequestFilter {

	private final IntakeLimits limits;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final Semaphore turns;

	public ApiRequestLimitFilter(IntakeLimits limits) {
		this.limits = limits;
		this.turns = new Semaphore(limits.maxConcurrent(), true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limits.maxBodyBytes()) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE,
					"The request body is larger than " + this.limits.maxBodyBytes() + " bytes", null);
			return;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated()) {
			Duration wait = this.buckets
				.computeIfAbsent(caller.getName(),
						(name) -> new TokenBucket(this.limits.requestsPerSecond(), this.limits.burst(),
								System::nanoTime))
				.take();
			if (!wait.isZero()) {
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from " + caller.getName()
						+ "; slow down to " + this.limits.requestsPerSecond() + " a second", seconds);
				return;
			}
		}
		if (!takeTurn()) {
			refuse(response, HttpStatus.SERVICE_UNAVAILABLE,
					"The server is saturated; nothing of this request was taken. Send it again shortly", 1L);
			return;
		}
		try {
			chain.doFilter(new LimitedBodyRequest(request, this.limits.maxBodyBytes()), response);
		}
		finally {
			this.turns.release();
		}
	}

	private boolean takeTurn() {
		try {
			return this.turns.tryAcquire(this.limits.queueWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String message, Long retryAfter)
			throws IOException {
		response.setStatus(status.value());
		if (retryAfter != null) {
			response.setHeader("Retry-After", String.valueOf(retryAfter));
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"status\":" + status.value() + ",\"error\":\"" + status.getReasonPhrase() + "\",\"message\":\""
					+ message.replace("\"", "'") + "\"}");
	}

}
