package io.closeloop.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

	private final AtomicLong now = new AtomicLong();

	private final TokenBucket bucket = new TokenBucket(2, 3, this.now::get);

	@Test
	void shouldAllowABurstThenTheRate() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.bucket.take()).as("burst " + i).isZero();
		}
		assertThat(this.bucket.take()).isEqualTo(Duration.ofMillis(500));

		this.now.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(this.bucket.take()).isZero();
		assertThat(this.bucket.take()).isPositive();
	}

	@Test
	void shouldNeverHoldMoreThanItsCapacity() {
		this.now.addAndGet(Duration.ofHours(1).toNanos());
		for (int i = 0; i < 3; i++) {
			assertThat(this.bucket.take()).isZero();
		}
		assertThat(this.bucket.take()).isPositive();
	}

}
