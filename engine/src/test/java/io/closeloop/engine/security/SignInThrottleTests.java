package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

	private Instant now = Instant.parse("2026-12-01T09:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return SignInThrottleTests.this.now;
		}
	};

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInThrottleSettings(5, Duration.ofMinutes(1), Duration.ofMinutes(5), 3), this.clock);

	@Test
	void shouldLockAnAddressOutForTheLockoutAfterFiveFailuresInTheWindow() {
		for (int failure = 0; failure < 4; failure++) {
			this.throttle.failed("203.0.113.7");
			this.now = this.now.plusSeconds(10);
		}
		assertThat(this.throttle.lockedFor("203.0.113.7")).isZero();

		this.throttle.failed("203.0.113.7");

		assertThat(this.throttle.lockedFor("203.0.113.7")).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.throttle.lockedFor("198.51.100.20")).as("another address").isZero();
		this.now = this.now.plus(Duration.ofMinutes(5));
		assertThat(this.throttle.lockedFor("203.0.113.7")).isZero();
	}

	@Test
	void shouldForgetFailuresOlderThanTheWindow() {
		for (int failure = 0; failure < 10; failure++) {
			this.throttle.failed("2001:db8::15");
			this.now = this.now.plusSeconds(20);
		}

		assertThat(this.throttle.lockedFor("2001:db8::15")).as("never five within a minute").isZero();
	}

	@Test
	void shouldTrackABoundedNumberOfAddresses() {
		for (int address = 1; address <= 5; address++) {
			this.throttle.failed("192.0.2." + address);
		}
		for (int failure = 0; failure < 4; failure++) {
			this.throttle.failed("192.0.2.1");
		}

		assertThat(this.throttle.lockedFor("192.0.2.1")).as("forgotten, then counted afresh: 4 failures").isZero();
		this.throttle.failed("192.0.2.1");
		assertThat(this.throttle.lockedFor("192.0.2.1")).isPositive();
	}

}
