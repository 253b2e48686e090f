package io.closeloop.engine.processstart;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.TestPropertySource;

/** The outbox table on the embedded default's H2 (MySQL mode), migrated by Flyway. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:outbox-persistence;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
class H2ProcessStartPersistenceTests extends ProcessStartPersistenceContract {

}
