package io.closeloop.engine.autonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonScoreTests {

	@Test
	void shouldMatchTheTextbookValues() {
		assertThat(WilsonScore.lowerBound(20, 20)).isCloseTo(0.8389, within(0.0005));
		assertThat(WilsonScore.lowerBound(35, 35)).isCloseTo(0.9011, within(0.0005));
		assertThat(WilsonScore.lowerBound(90, 100)).isCloseTo(0.8256, within(0.0005));
		assertThat(WilsonScore.lowerBound(0, 10)).isCloseTo(0.0, within(1e-9));
	}

	@Test
	void shouldRewardEvidenceNotJustTheRatio() {
		assertThat(WilsonScore.lowerBound(3, 3)).isLessThan(WilsonScore.lowerBound(30, 30));
		assertThat(WilsonScore.lowerBound(0, 0)).isZero();
	}

}
