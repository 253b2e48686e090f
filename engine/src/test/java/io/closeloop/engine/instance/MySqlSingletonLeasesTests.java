package io.closeloop.engine.instance;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.support.MySqlDataJpaTest;

/**
 * The leases on a real MySQL-compatible server (CI's MariaDB), migrated by Flyway from an
 * empty schema; skipped with a message where none listens.
 */
@MySqlDataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MySqlSingletonLeasesTests extends SingletonLeasesContract {

}
