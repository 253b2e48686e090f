package io.closeloop.engine;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every part of Closeloop reads the time from, so tests and time-bound
 * logic (SLAs, windows, silence sweeps) can move it.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
