package io.closeloop.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

class TrendDetectorTests {

	private static final Instant START = Instant.parse("2026-11-14T10:00:00Z");

	private final TrendDetector detector = new TrendDetector(
			new TrendSettings(Duration.ofDays(7), Duration.ofDays(14), 6, Duration.ofHours(6), 0.6));

	@Test
	void shouldProjectWhenAFallingDiskRunsFull() {
		// 45 % free falling 4 % a day, hourly for a week, with a little jitter.
		List<Reading> week = hourly(169, (hour) -> 45 - 4 * hour / 24.0 + Math.sin(hour) * 0.3);

		Projection projection = this.detector.detect("diskFreePct", week).orElseThrow();

		assertThat(projection.exhaustion()).isEqualTo(Exhaustion.FALLS_TO_ZERO);
		assertThat(projection.slopePerDay()).isCloseTo(-4.0, within(0.05));
		assertThat(projection.rSquared()).isGreaterThan(0.99);
		assertThat(projection.samples()).isEqualTo(169);
		assertThat(projection.lastAt()).isEqualTo(START.plus(Duration.ofDays(7)));
		assertThat(projection.currentValue()).isCloseTo(17.0, within(0.3));
		// 17 % left at 4 % a day: 4.25 days after the last sample.
		assertThat(projection.daysLeft()).isCloseTo(4.25, within(0.1));
		assertThat(Duration.between(Instant.parse("2026-11-25T16:00:00Z"), projection.exhaustionAt()).abs())
			.isLessThan(Duration.ofHours(3));
	}

	@Test
	void shouldProjectWhenUsedMemoryRisesToFull() {
		List<Reading> leak = hourly(48, (hour) -> 60 + 0.5 * hour);

		Projection projection = this.detector.detect("memoryUsedPct", leak).orElseThrow();

		assertThat(projection.exhaustion()).isEqualTo(Exhaustion.RISES_TO_FULL);
		assertThat(projection.slopePerDay()).isCloseTo(12.0, within(1e-9));
		// 83.5 % used, 16.5 % to go at 12 % a day.
		assertThat(projection.daysLeft()).isCloseTo(16.5 / 12.0, within(1e-6));
		assertThat(projection.exhaustionAt()).isEqualTo(Instant.parse("2026-11-17T18:00:00Z"));
	}

	@Test
	void shouldSayNothingOfANoisyFlatSeries() {
		Random random = new Random(42);
		List<Reading> noise = hourly(169, (hour) -> 40 + random.nextGaussian() * 6);

		assertThat(this.detector.detect("diskFreePct", noise)).isEmpty();
	}

	@Test
	void shouldSayNothingWhenTheLineFitsTooPoorly() {
		// Falling 1.5 % a day, but buried in noise: R² far below 0.6.
		Random random = new Random(7);
		List<Reading> noisy = hourly(169, (hour) -> 20 - 1.5 * hour / 24.0 + random.nextGaussian() * 8);
		TrendDetector credulous = new TrendDetector(
				new TrendSettings(Duration.ofDays(30), Duration.ofDays(14), 6, Duration.ofHours(6), 0.0));

		assertThat(credulous.detect("diskFreePct", noisy))
			.hasValueSatisfying((projection) -> assertThat(projection.rSquared()).isLessThan(0.6));
		assertThat(this.detector.detect("diskFreePct", noisy)).isEmpty();
	}

	@Test
	void shouldSayNothingWithTooFewSamples() {
		List<Reading> five = List.of(at(0, 30), at(6, 25), at(12, 20), at(18, 15), at(24, 10));

		assertThat(this.detector.detect("diskFreePct", five)).isEmpty();
		assertThat(this.detector.detect("diskFreePct", List.of())).isEmpty();
	}

	@Test
	void shouldSayNothingOfSamplesThatCoverTooShortATime() {
		List<Reading> burst = new ArrayList<>();
		for (int minute = 0; minute < 60; minute++) {
			burst.add(new Reading(START.plus(Duration.ofMinutes(minute)), 30 - minute * 0.2));
		}

		assertThat(this.detector.detect("diskFreePct", burst)).isEmpty();
	}

	@Test
	void shouldSayNothingWhenExhaustionIsBeyondTheHorizon() {
		// 45 % free falling 2 % a day: 31 % and 15.5 days left at the end of the week.
		List<Reading> slow = hourly(169, (hour) -> 45 - 2 * hour / 24.0);

		assertThat(this.detector.detect("diskFreePct", slow)).isEmpty();
		TrendDetector patient = new TrendDetector(
				new TrendSettings(Duration.ofDays(30), Duration.ofDays(14), 6, Duration.ofHours(6), 0.6));
		assertThat(patient.detect("diskFreePct", slow))
			.hasValueSatisfying((projection) -> assertThat(projection.daysLeft()).isCloseTo(15.5, within(1e-6)));
	}

	@Test
	void shouldSayNothingOfAMetricRecoveringOrNotKnownToRunOut() {
		List<Reading> rising = hourly(48, (hour) -> 20 + hour);

		assertThat(this.detector.detect("diskFreePct", rising)).isEmpty();
		assertThat(this.detector.detect("cpuPct", rising)).isEmpty();
	}

	@Test
	void shouldFitOnlyTheWindowBeforeTheNewestSample() {
		// A month ago the disk filled up quickly; for the last ten days it has been
		// falling.
		List<Reading> series = new ArrayList<>(hourly(48, (hour) -> 10 + hour * 1.6));
		for (int hour = 24 * 30; hour <= 24 * 40; hour += 6) {
			series.add(at(hour, 40 - 3 * (hour - 24 * 30) / 24.0));
		}

		assertThat(this.detector.detect("diskFreePct", series)).hasValueSatisfying((projection) -> {
			assertThat(projection.samples()).isEqualTo(41);
			assertThat(projection.daysLeft()).isCloseTo(10 / 3.0, within(1e-6));
		});
		TrendDetector longMemory = new TrendDetector(
				new TrendSettings(Duration.ofDays(7), Duration.ofDays(60), 6, Duration.ofHours(6), 0.6));
		assertThat(longMemory.detect("diskFreePct", series)).isEmpty();
	}

	@Test
	void shouldCountASampleDeliveredTwiceOnce() {
		List<Reading> five = List.of(at(0, 30), at(6, 25), at(12, 20), at(18, 15), at(24, 10));
		List<Reading> redelivered = new ArrayList<>(five);
		redelivered.addAll(five);

		assertThat(this.detector.detect("diskFreePct", redelivered)).isEmpty();
	}

	@Test
	void shouldCallAProjectionAlreadyPastExhaustionDueNow() {
		List<Reading> almostFull = List.of(at(0, 10), at(2, 9), at(4, 6), at(6, 3), at(8, 0.5), at(10, 0.2));

		Projection projection = this.detector.detect("diskFreePct", almostFull).orElseThrow();

		assertThat(projection.daysLeft()).isZero();
		assertThat(projection.exhaustionAt()).isEqualTo(projection.lastAt());
	}

	@Test
	void shouldRefuseSettingsThatWouldLetNoiseThrough() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrendSettings(Duration.ofDays(7), Duration.ofDays(14), 2, Duration.ofHours(6), 0.6))
			.withMessageContaining("min-samples");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrendSettings(Duration.ofDays(7), Duration.ofDays(14), 6, Duration.ofHours(6), 1.5))
			.withMessageContaining("min-r-squared");
	}

	private static List<Reading> hourly(int count, IntToDoubleFunction value) {
		List<Reading> readings = new ArrayList<>();
		for (int hour = 0; hour < count; hour++) {
			readings.add(at(hour, value.applyAsDouble(hour)));
		}
		return readings;
	}

	private static Reading at(int hour, double value) {
		return new Reading(START.plus(Duration.ofHours(hour)), value);
	}

}
