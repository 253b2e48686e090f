package io.closeloop.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Closeloop: from RMM alert to resolved PSA ticket. Scans every module's package, so the
 * workers and the UI register themselves; this module supplies what they declare they
 * need.
 */
@SpringBootApplication(scanBasePackages = "io.closeloop")
// Only the engine's own: connector settings are bound by the workers'
// ConnectorsConfiguration, and only when chosen.
@ConfigurationPropertiesScan("io.closeloop.engine")
@EnableScheduling
public class CloseloopApplication {

	public static void main(String[] args) {
		SpringApplication.run(CloseloopApplication.class, args);
	}

}
