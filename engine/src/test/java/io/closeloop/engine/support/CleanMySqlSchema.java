package io.closeloop.engine.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the MySQL tests from an empty schema, so the migrations are proven from scratch
 * every run.
 */
@TestConfiguration(proxyBeanMethods = false)
class CleanMySqlSchema {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (Flyway flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
