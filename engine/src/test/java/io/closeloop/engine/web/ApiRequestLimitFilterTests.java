package io.closeloop.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiRequestLimitFilterTests {

	private final ApiRequestLimitFilter filter = new ApiRequestLimitFilter(
			new IntakeLimits(100, 1, 2, 32, Duration.ofSeconds(2)));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldRefuseAnOversizedBodyBeforeReadingIt() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/alerts");
		request.setContent(new byte[101]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("larger than 100 bytes");
		assertThat(chain.getRequest()).as("not passed on").isNull();
	}

	@Test
	void shouldAskAKeyThatSendsTooFastToRetryLater() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-key:noisy", null,
					AuthorityUtils.createAuthorityList("ROLE_INTEGRATION")));
		List<Integer> statuses = new java.util.ArrayList<>();
		MockHttpServletResponse last = null;
		for (int i = 0; i < 3; i++) {
			last = new MockHttpServletResponse();
			this.filter.doFilter(new MockHttpServletRequest("POST", "/api/alerts"), last, new MockFilterChain());
			statuses.add(last.getStatus());
		}

		assertThat(statuses).containsExactly(200, 200, 429);
		assertThat(last.getHeader("Retry-After")).isEqualTo("1");
		assertThat(last.getContentAsString()).contains("Too many requests from api-key:noisy");
	}

	@Test
	void shouldAnswer503WithRetryAfterWhenEveryTurnIsTakenForLongerThanTheQueueWait() throws Exception {
		ApiRequestLimitFilter saturated = new ApiRequestLimitFilter(
				new IntakeLimits(100, 1000, 1000, 1, Duration.ofMillis(200)));
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread slow = Thread.ofVirtual().start(() -> {
			try {
				saturated.doFilter(new MockHttpServletRequest("POST", "/api/alerts"), new MockHttpServletResponse(),
						(request, response) -> {
							inside.countDown();
							try {
								release.await();
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		inside.await();
		MockHttpServletResponse refused = new MockHttpServletResponse();
		MockFilterChain untouched = new MockFilterChain();
		saturated.doFilter(new MockHttpServletRequest("POST", "/api/alerts"), refused, untouched);
		release.countDown();
		slow.join();
		MockHttpServletResponse later = new MockHttpServletResponse();
		MockFilterChain passed = new MockFilterChain();
		saturated.doFilter(new MockHttpServletRequest("POST", "/api/alerts"), later, passed);

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentAsString()).contains("saturated");
		assertThat(untouched.getRequest()).as("the refused request went no further").isNull();
		assertThat(passed.getRequest()).as("once a turn is free, requests pass again").isNotNull();
	}

}
