package io.closeloop.engine.processstart;

import io.closeloop.engine.support.MySqlDataJpaTest;

/**
 * The outbox table on a real MySQL-compatible server through MySQL Connector/J, migrated
 * by Flyway from an empty schema. Runs where a server listens on 127.0.0.1:3306 (root, no
 * password; CI's MariaDB); skipped with a message where none does.
 */
@MySqlDataJpaTest
class MySqlProcessStartPersistenceTests extends ProcessStartPersistenceContract {

}
