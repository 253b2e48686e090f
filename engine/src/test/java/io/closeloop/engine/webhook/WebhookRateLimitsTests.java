package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.closeloop.engine.web.IntakeLimits;
import io.closeloop.workers.connector.webhook.WebhookRejected;

class WebhookRateLimitsTests {

	@Test
	void shouldSlowDownOneVendorWithoutTouchingAnother() {
		WebhookRateLimits limits = new WebhookRateLimits(
				new IntakeLimits(1_048_576, 0.5, 2, 32, Duration.ofSeconds(2)));
		limits.take("datto");
		limits.take("datto");

		assertThatExceptionOfType(WebhookRejected.class).isThrownBy(() -> limits.take("datto"))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.reason())
				.isEqualTo(WebhookRejected.Reason.RATE_LIMITED))
			.withMessageContaining("Too many webhooks from datto");
		assertThatCode(() -> limits.take("ninjaone")).doesNotThrowAnyException();
	}

}
