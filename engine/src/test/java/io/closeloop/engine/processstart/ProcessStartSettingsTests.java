package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProcessStartSettingsTests {

	@Test
	void shouldAllowFewerBusyProcessesWhileIntakeIsAStorm() {
		ProcessStartSettings settings = settings(50, 20, 5);
		assertThat(settings.maxBusyProcesses(0)).isEqualTo(50);
		assertThat(settings.maxBusyProcesses(19)).isEqualTo(50);
		assertThat(settings.maxBusyProcesses(20)).isEqualTo(5);
		assertThat(settings.maxBusyProcesses(500)).isEqualTo(5);
	}

	@Test
	void shouldNeverAllowMoreInAStormThanOtherwise() {
		assertThat(settings(3, 20, 5).maxBusyProcesses(100)).isEqualTo(3);
	}

	@Test
	void shouldRefuseAStormLimitOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(50, 20, 0))
			.withMessageContaining("max-busy-processes-in-storm");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(50, 0, 5))
			.withMessageContaining("storm-intake-rate");
	}

	private static ProcessStartSettings settings(int maxBusy, int stormRate, int maxBusyInStorm) {
		return new ProcessStartSettings(200, 32, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30),
				3, 20000, maxBusy, Duration.ofMinutes(15), stormRate, maxBusyInStorm);
	}

}
