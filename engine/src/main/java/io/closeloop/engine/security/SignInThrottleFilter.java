package io.closeloop.engine.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an attempt to sign in (a login form post, HTTP Basic credentials, an API key)
 * from an address {@link SignInThrottle} has locked out, with 429 and
 * {@code Retry-After}, before the credentials are looked at.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final boolean everyRequest;

	/** For the doors where only some requests try to sign in. */
	public SignInThrottleFilter(SignInThrottle throttle) {
		this(throttle, false);
	}

	/**
	 * @param everyRequest whether every request is an attempt (a webhook proves itself on
	 * each call)
	 */
	public SignInThrottleFilter(SignInThrottle throttle, boolean everyRequest) {
		this.throttle = throttle;
		this.everyRequest = everyRequest;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.everyRequest || isAttempt(request)) {
			Duration locked = this.throttle.lockedFor(request.getRemoteAddr());
			if (!locked.isZero()) {
				long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"Too many failed sign-ins "
							+ "from this address: try again in " + seconds + " s\"}");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isAttempt(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
				|| (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
				|| ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

}
