package io.closeloop.workers.simulator;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/**
 * The demo RMM and PSA, used unless a real connector is configured
 * ({@code closeloop.rmm.connector}, {@code closeloop.psa.connector}).
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

	@Bean("rmm.simulator")
	@ConditionalOnConnector(kind = "rmm", name = "simulator")
	SimulatedRmm simulatedRmm(@Value("${closeloop.simulator.script-duration:PT1S}") Duration scriptDuration,
			Clock clock) {
		log.warn("Using the SIMULATED RMM, a demo stand-in: set closeloop.rmm.connector to use a real one");
		return new SimulatedRmm(clock, scriptDuration);
	}

	@Bean("psa.simulator")
	@ConditionalOnConnector(kind = "psa", name = "simulator")
	SimulatedPsa simulatedPsa(Clock clock) {
		log.warn("Using the SIMULATED PSA, a demo stand-in: set closeloop.psa.connector to use a real one");
		return new SimulatedPsa(clock);
	}

}
