package io.closeloop.engine.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.closeloop.ui.security.TenantScope;
import io.closeloop.workers.connector.SecretDigest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API calls by the {@code X-Api-Key} header. Keys are compared as digests
 * in constant time ({@link SecretDigest}), so response timing does not reveal how much of
 * a guess was right, and a key may be configured as its digest only. An unknown key
 * counts as a failed sign-in of the caller's address ({@link SignInThrottle}).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final List<SecurityProperties.ApiKey> keys;

	private final SignInThrottle throttle;

	ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> keys, SignInThrottle throttle) {
		this.keys = keys.stream().filter((key) -> key.key() != null && key.key().isSet()).toList();
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented != null) {
			Optional<SecurityProperties.ApiKey> match = match(presented);
			if (match.isPresent()) {
				List<String> authorities = new ArrayList<>(List.of("ROLE_INTEGRATION"));
				match.get().tenants().forEach((tenant) -> authorities.add(TenantScope.AUTHORITY_PREFIX + tenant));
				var authentication = UsernamePasswordAuthenticationToken.authenticated("api-key:" + match.get().name(),
						null, AuthorityUtils.createAuthorityList(authorities));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
			else {
				this.throttle.failed(request.getRemoteAddr());
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<SecurityProperties.ApiKey> match(String presented) {
		SecurityProperties.ApiKey found = null;
		for (SecurityProperties.ApiKey key : this.keys) {
			// Compare against every key, not stopping at the first match.
			if (SecretDigest.matches(presented, key.key())) {
				found = key;
			}
		}
		return Optional.ofNullable(found);
	}

}
