package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IntakeRateTests {

	private final AtomicLong now = new AtomicLong(5_000_000_000L);

	private final IntakeRate rate = new IntakeRate(this.now::get);

	@Test
	void shouldCountTheAlertsOfTheLastSecond() {
		for (int i = 0; i < 30; i++) {
			this.rate.record();
			this.now.addAndGet(20_000_000L);
		}
		// 30 alerts over 600 ms: all within the last second.
		assertThat(this.rate.lastSecond()).isEqualTo(30);
	}

	@Test
	void shouldForgetAlertsOlderThanASecond() {
		for (int i = 0; i < 10; i++) {
			this.rate.record();
		}
		this.now.addAndGet(600_000_000L);
		this.rate.record();
		assertThat(this.rate.lastSecond()).isEqualTo(11);
		this.now.addAndGet(500_000_000L);
		assertThat(this.rate.lastSecond()).as("the first ten are 1.1 s old").isEqualTo(1);
		this.now.addAndGet(1_000_000_000L);
		assertThat(this.rate.lastSecond()).isZero();
	}

	@Test
	void shouldNotCountASlotAgainAfterTheRingWrapsAround() {
		this.rate.record();
		// Exactly ten slots later the same index is reused for a new slot.
		this.now.addAndGet(1_000_000_000L);
		this.rate.record();
		assertThat(this.rate.lastSecond()).isEqualTo(1);
	}

}
