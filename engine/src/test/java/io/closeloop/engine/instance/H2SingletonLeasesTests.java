package io.closeloop.engine.instance;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The leases on the embedded default's H2 (MySQL mode), migrated by Flyway. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:leases;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class H2SingletonLeasesTests extends SingletonLeasesContract {

}
