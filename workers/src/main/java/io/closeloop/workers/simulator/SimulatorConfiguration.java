package io.closeloop.workers.simulator;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo RMM and PSA, used unless a real connector is configured
 * ({@code closeloop.rmm.connector}, {@code closeloop.psa.connector}).
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorConfiguration {

	@Bean
	@ConditionalOnProperty(name = "closeloop.rmm.connector", havingValue = "simulator", matchIfMissing = true)
	SimulatedRmm simulatedRmm(@Value("${closeloop.simulator.script-duration:PT1S}") Duration scriptDuration) {
		return new SimulatedRmm(Clock.systemUTC(), scriptDuration);
	}

	@Bean
	@ConditionalOnProperty(name = "closeloop.psa.connector", havingValue = "simulator", matchIfMissing = true)
	SimulatedPsa simulatedPsa() {
		return new SimulatedPsa(Clock.systemUTC());
	}

}
