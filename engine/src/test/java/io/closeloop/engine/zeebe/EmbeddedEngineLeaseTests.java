package io.closeloop.engine.zeebe;

import java.time.Instant;

import io.closeloop.engine.instance.LeaderLeases;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One embedded engine per database: a second instance's is refused with what to set, the
 * same instance restarted takes its lease back, and a lease given up or run out is free.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:engine-lease;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class EmbeddedEngineLeaseTests {

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void noLease() {
		this.jdbc.update("delete from embedded_engine_lease");
		this.jdbc.update("delete from shedlock");
	}

	@Test
	void shouldRefuseAnEmbeddedEngineWhileAnInstanceOnAClusterLeadsTheDatabase() {
		// An instance in the cluster profile takes no embedded lease, but leads
		// correlation.
		SimpleLock leading = leasesOf("cluster-b:8080")
			.lock(new LockConfiguration(Instant.now(), LeaderLeases.CORRELATION, Duration.ofMinutes(1), Duration.ZERO))
			.orElseThrow();
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> lease("host-a:8080", Duration.ofMinutes(1)).acquire("embedded:one"))
				.withMessageContaining("cluster-b:8080")
				.withMessageContaining("closeloop.zeebe.embedded.enabled=false");
			// The same instance, killed while it led and started again, is not refused by
			// itself.
			lease("cluster-b:8080", Duration.ofMinutes(1)).acquire("embedded:two");
		}
		finally {
			leading.unlock();
		}
	}

	@Test
	void shouldRefuseASecondInstancesEmbeddedEngineNamingWhatToSet() {
		lease("host-a:8080", Duration.ofMinutes(1)).acquire("embedded:one");

		assertThatIllegalStateException()
			.isThrownBy(() -> lease("host-b:8080", Duration.ofMinutes(1)).acquire("embedded:two"))
			.withMessageContaining("host-a:8080")
			.withMessageContaining("closeloop.zeebe.embedded.enabled=false")
			.withMessageContaining("closeloop.instance.id");
	}

	@Test
	void shouldGiveTheLeaseBackToTheSameInstanceRestartedAndToAnotherOnceReleased() {
		EmbeddedEngineLease first = lease("host-a:8080", Duration.ofMinutes(1));
		first.acquire("embedded:one");
		// Killed and started again under the same id: its lease is its own.
		lease("host-a:8080", Duration.ofMinutes(1)).acquire("embedded:two");
		assertThat(this.jdbc.queryForObject("select incarnation from embedded_engine_lease", String.class))
			.isEqualTo("embedded:two");

		first.release();
		lease("host-b:8080", Duration.ofMinutes(1)).acquire("embedded:three");
	}

	@Test
	void shouldLetAnotherInstanceTakeALeaseThatRanOut() throws InterruptedException {
		lease("host-a:8080", Duration.ofMillis(300)).acquire("embedded:one");
		Thread.sleep(1100);
		lease("host-b:8080", Duration.ofMinutes(1)).acquire("embedded:two");
	}

	private LockProvider leasesOf(String holder) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(this.jdbc)
			.withLockedByValue(holder)
			.usingDbTime()
			.build());
	}

	private EmbeddedEngineLease lease(String holder, Duration lease) {
		return new EmbeddedEngineLease(this.jdbc, leasesOf(holder), holder, lease, Clock.systemUTC());
	}

}
