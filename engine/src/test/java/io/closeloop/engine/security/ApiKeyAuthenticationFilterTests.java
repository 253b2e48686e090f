package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.SecretDigest;

class ApiKeyAuthenticationFilterTests {

	private static final String SECRET = "s3cret-key-for-acme";

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInThrottleSettings(5, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5), 100),
			java.time.Clock.systemUTC());

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldAcceptAKeyConfiguredOnlyAsItsDigest() throws Exception {
		String digest = "sha256:" + HexFormat.of().formatHex(SecretDigest.sha256(SECRET));
		ApiKeyAuthenticationFilter filter = new ApiKeyAuthenticationFilter(
				List.of(new SecurityProperties.ApiKey("acme-rmm", new Secret(digest), List.of("acme"))), this.throttle);

		Authentication caller = authenticate(filter, SECRET);

		assertThat(caller).isNotNull();
		assertThat(caller.getName()).isEqualTo("api-key:acme-rmm");
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_INTEGRATION", "TENANT_acme");
	}

	@Test
	void shouldAcceptAPlainKeyAndRefuseAnyOther() throws Exception {
		ApiKeyAuthenticationFilter filter = new ApiKeyAuthenticationFilter(
				List.of(new SecurityProperties.ApiKey("acme-rmm", new Secret(SECRET), List.of("acme"))), this.throttle);

		assertThat(authenticate(filter, SECRET)).isNotNull();
		SecurityContextHolder.clearContext();
		assertThat(authenticate(filter, SECRET + "x")).isNull();
		assertThat(authenticate(filter, "sha256:" + HexFormat.of().formatHex(SecretDigest.sha256(SECRET))))
			.as("the digest itself is not a key")
			.isNull();
	}

	@Test
	void shouldMatchNothingWithAMistypedDigest() throws Exception {
		ApiKeyAuthenticationFilter filter = new ApiKeyAuthenticationFilter(
				List.of(new SecurityProperties.ApiKey("broken", new Secret("sha256:not-hex"), List.of("*"))),
				this.throttle);
		assertThat(authenticate(filter, "")).isNull();
		assertThat(authenticate(filter, "not-hex")).isNull();
	}

	private static Authentication authenticate(ApiKeyAuthenticationFilter filter, String presented) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/rules");
		request.addHeader(ApiKeyAuthenticationFilter.HEADER, presented);
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return SecurityContextHolder.getContext().getAuthentication();
	}

}
