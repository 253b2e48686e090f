package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.WebSession;

/**
 * Guessing is throttled per client address through the real security configuration: the
 * login form, API keys and HTTP Basic, which only the metrics scrape accepts.
 */
class SignInThrottlingTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	private SignInThrottle throttle;

	@AfterEach
	void unlock() {
		// Every test here comes from 127.0.0.1, as every other test class does.
		this.throttle.forgetAll();
	}

	@Test
	void shouldLockOutTheSixthLoginAttemptInAMinuteFromOneAddress() {
		WebSession browser = WebSession.anonymous(this.port);
		String[] guesses = { "technician1", "Technician", "password", "letmein", "technician!" };
		for (String guess : guesses) {
			HttpResponse<String> wrong = browser.attemptLogIn("technician", guess);
			assertThat(wrong.statusCode()).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).contains("error"));
		}

		HttpResponse<String> locked = browser.attemptLogIn("technician", "technician");

		assertThat(locked.statusCode()).as("even the right password, from a locked-out address").isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
		assertThat(locked.body()).contains("Too many failed sign-ins from this address");
	}

	@Test
	void shouldLockOutAnAddressThatTriesUnknownApiKeys() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(send(withKey("guess-" + attempt)).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> locked = send(withKey(ApiClient.DEMO_KEY));

		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		this.throttle.forgetAll();
		assertThat(send(withKey(ApiClient.DEMO_KEY)).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldTakeBasicCredentialsOnlyForTheMetricsScrape() throws Exception {
		String supervisor = "Basic "
				+ Base64.getEncoder().encodeToString("supervisor:supervisor".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> scrape = send(request("/actuator/prometheus").header("Authorization", supervisor));
		HttpResponse<String> page = send(request("/tasks").header("Authorization", supervisor));

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_");
		assertThat(page.statusCode()).as("a UI page sends Basic to the login form").isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	private HttpRequest.Builder withKey(String key) {
		return request("/api/rules").header("X-Api-Key", key);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
