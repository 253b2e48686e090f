package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import io.closeloop.engine.CloseloopApplication;

/** The demo's credentials never reach a real database. */
class DemoCredentialsCheckTests {

	private static final String MYSQL = "jdbc:mysql://db.internal:3306/closeloop?user=closeloop&password=s3cret";

	@Test
	void shouldRefuseToStartTheDemoProfileOnMysqlBeforeTouchingAnything() {
		// Nothing listens on this database: the refusal comes before any connection.
		SpringApplicationBuilder application = new SpringApplicationBuilder(CloseloopApplication.class)
			.profiles("demo", "mysql")
			.properties("spring.datasource.url=jdbc:mysql://127.0.0.1:1/closeloop", "server.port=0",
					"closeloop.zeebe.embedded.port=0");

		assertThatException().isThrownBy(application::run)
			.withMessageStartingWith("Closeloop refuses to start on the database jdbc:mysql with demo credentials")
			.withMessageContaining("the demo profile is active")
			.withMessageContaining("user technician has a {noop} (plain-text) password")
			.withMessageContaining("API key demo is the demo's (demo-api-key)");
	}

	@Test
	void shouldLetTheDemoRunOnTheEmbeddedDatabase() {
		MockEnvironment environment = environment("jdbc:h2:file:./data/closeloop;MODE=MySQL");
		environment.setActiveProfiles("demo");
		environment.setProperty("closeloop.security.users[0].username", "technician");
		environment.setProperty("closeloop.security.users[0].password", "{noop}technician");

		assertThat(DemoCredentialsCheck.refusals(environment)).isEmpty();
	}

	@Test
	void shouldRefuseAPlainTextPasswordOrTheDemoKeyOnARealDatabaseWithoutTheDemoProfile() {
		MockEnvironment environment = environment(MYSQL);
		environment.setActiveProfiles("mysql", "cluster");
		environment.setProperty("closeloop.security.users[0].username", "dispatch");
		environment.setProperty("closeloop.security.users[0].password", "{noop}winter2026");
		environment.setProperty("closeloop.security.users[1].username", "alice");
		environment.setProperty("closeloop.security.users[1].password",
				"{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3xgl5QeJ1ZQ6.pxV5fmBaWa");
		environment.setProperty("closeloop.security.api-keys[0].name", "datto");
		environment.setProperty("closeloop.security.api-keys[0].key", "demo-api-key");

		assertThat(DemoCredentialsCheck.refusals(environment)).containsExactly(
				"user dispatch has a {noop} (plain-text) password: give it a {bcrypt} hash",
				"API key datto is the demo's (demo-api-key): set your own");
	}

	@Test
	void shouldStartARealInstallationWithItsOwnCredentials() {
		MockEnvironment environment = environment(MYSQL);
		environment.setActiveProfiles("mysql");
		environment.setProperty("closeloop.security.users[0].username", "alice");
		environment.setProperty("closeloop.security.users[0].password",
				"{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3xgl5QeJ1ZQ6.pxV5fmBaWa");
		environment.setProperty("closeloop.security.api-keys[0].name", "datto");
		environment.setProperty("closeloop.security.api-keys[0].key", "k-81f0c9d2a7");

		assertThat(DemoCredentialsCheck.refusals(environment)).isEmpty();
	}

	private static MockEnvironment environment(String url) {
		return new MockEnvironment().withProperty("spring.datasource.url", url);
	}

}
