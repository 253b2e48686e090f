package io.closeloop.engine.processstart;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.support.MySqlDataJpaTest;

/**
 * Claims on a real MySQL-compatible server (CI's MariaDB, where {@code SKIP LOCKED} is
 * InnoDB's), migrated by Flyway from an empty schema; skipped with a message where none
 * listens.
 */
@MySqlDataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MySqlStartClaimsTests extends StartClaimsContract {

}
