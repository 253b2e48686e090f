package io.closeloop.workers.connector.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final Instant now = Instant.parse("2026-11-21T10:15:00Z");

	@Test
	void shouldReadSeconds() {
		assertThat(RetryAfter.parse(" 2 ", this.now)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldReadAnHttpDate() {
		assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:15:30 GMT", this.now)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void shouldNotWaitForADateInThePast() {
		assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:00 GMT", this.now)).isEqualTo(Duration.ZERO);
	}

	@Test
	void shouldIgnoreWhatItCannotRead() {
		assertThat(RetryAfter.parse("soon", this.now)).isNull();
		assertThat(RetryAfter.parse(null, this.now)).isNull();
	}

}
