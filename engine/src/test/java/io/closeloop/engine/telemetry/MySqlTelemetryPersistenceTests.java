package io.closeloop.engine.telemetry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * The telemetry tables on a real MySQL-compatible server through MySQL Connector/J,
 * migrated by Flyway from an empty schema. Runs where a server listens on 127.0.0.1:3306
 * (root, no password; CI's MariaDB); skipped with a message where none does.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/closeloop_test?createDatabaseIfNotExist=true",
				"spring.datasource.username=root", "spring.datasource.password=",
				"spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver", "spring.flyway.clean-disabled=false" })
class MySqlTelemetryPersistenceTests extends TelemetryPersistenceContract {

	@BeforeAll
	static void requireServer() {
		boolean listening;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
			listening = true;
		}
		catch (IOException ex) {
			listening = false;
		}
		if (!listening) {
			System.out.println("MySQL integration tests SKIPPED: no MySQL-compatible server listens on 127.0.0.1:3306");
		}
		assumeTrue(listening, "MySQL integration tests skipped: no MySQL-compatible server listens on 127.0.0.1:3306");
	}

	@TestConfiguration
	static class CleanSchema {

		/**
		 * Start from an empty schema, so the migrations are proven from scratch every
		 * run.
		 */
		@Bean
		FlywayMigrationStrategy cleanThenMigrate() {
			return (Flyway flyway) -> {
				flyway.clean();
				flyway.migrate();
			};
		}

	}

}
