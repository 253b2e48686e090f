package io.closeloop.engine.processstart;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * How many new alerts were accepted over the last second, counted in ten slots of 100 ms
 * so that a burst shows at once and is forgotten a second after it ends.
 */
final class IntakeRate {

	private static final int SLOTS = 10;

	private static final long SLOT_NANOS = 100_000_000L;

	private final long[] counts = new long[SLOTS];

	private final long[] slotOf = new long[SLOTS];

	private final LongSupplier nanoTime;

	IntakeRate() {
		this(System::nanoTime);
	}

	IntakeRate(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		Arrays.fill(this.slotOf, Long.MIN_VALUE);
	}

	/** One more alert was accepted now. */
	synchronized void record() {
		long slot = Math.floorDiv(this.nanoTime.getAsLong(), SLOT_NANOS);
		int index = (int) Math.floorMod(slot, SLOTS);
		if (this.slotOf[index] != slot) {
			this.slotOf[index] = slot;
			this.counts[index] = 0;
		}
		this.counts[index]++;
	}

	/** Alerts accepted within the last second. */
	synchronized long lastSecond() {
		long slot = Math.floorDiv(this.nanoTime.getAsLong(), SLOT_NANOS);
		long total = 0;
		for (int i = 0; i < SLOTS; i++) {
			if (this.slotOf[i] > slot - SLOTS) {
				total += this.counts[i];
			}
		}
		return total;
	}

}
