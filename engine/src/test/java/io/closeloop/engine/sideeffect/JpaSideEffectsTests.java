package io.closeloop.engine.sideeffect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.TimeConfiguration;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.engine.zeebe.EngineIncarnation;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.journal.SideEffects;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:side-effects;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
@Import({ JpaSideEffects.class, EngineIncarnation.class, JacksonAutoConfiguration.class, TimeConfiguration.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JpaSideEffectsTests {

	@Autowired
	private SideEffects sideEffects;

	@Test
	void shouldActOnceAndReturnTheRecordedResultToARedeliveredJob() {
		AtomicInteger runs = new AtomicInteger();
		String key = SideEffects.key(42, "run-script");

		ScriptRun first = this.sideEffects.once(key, ScriptRun.class, () -> {
			runs.incrementAndGet();
			return new ScriptRun("RUN-1", ScriptRun.Status.RUNNING, null, "running");
		});
		ScriptRun second = this.sideEffects.once(key, ScriptRun.class, () -> {
			runs.incrementAndGet();
			return new ScriptRun("RUN-2", ScriptRun.Status.RUNNING, null, "running");
		});

		assertThat(runs).hasValue(1);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void shouldLetOnlyOneOfTwoConcurrentDeliveriesAct() throws Exception {
		String key = SideEffects.key(77, "run-script");
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch acting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(1);
		try {
			Future<ScriptRun> first = threads.submit(() -> this.sideEffects.once(key, ScriptRun.class, () -> {
				runs.incrementAndGet();
				acting.countDown();
				await(release);
				return new ScriptRun("RUN-77", ScriptRun.Status.RUNNING, null, "running");
			}));
			assertThat(acting.await(10, TimeUnit.SECONDS)).isTrue();

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> this.sideEffects.once(key, ScriptRun.class, () -> {
					runs.incrementAndGet();
					return new ScriptRun("RUN-78", ScriptRun.Status.RUNNING, null, "running");
				}))
				.withMessageContaining("already in progress");
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).runId()).isEqualTo("RUN-77");
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(runs).hasValue(1);
		assertThat(this.sideEffects.once(key, ScriptRun.class, () -> {
			throw new AssertionError("must not act again");
		}).runId()).isEqualTo("RUN-77");
	}

	@Test
	void shouldLetARetryActWhenTheActionFailed() {
		String key = SideEffects.key(78, "close-ticket");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.sideEffects.once(key, Boolean.class, () -> {
				throw new ConnectorException("PSA timed out");
			}));
		assertThat(this.sideEffects.once(key, Boolean.class, () -> true)).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void shouldKeepKeysApart() {
		AtomicInteger runs = new AtomicInteger();
		this.sideEffects.once(SideEffects.key(1, "close-ticket"), Boolean.class, () -> runs.incrementAndGet() > 0);
		this.sideEffects.once(SideEffects.key(2, "close-ticket"), Boolean.class, () -> runs.incrementAndGet() > 0);
		assertThat(runs).hasValue(2);
	}

	@Test
	void shouldNeverActAgainWhenTheVendorMayHaveActed() {
		String key = "alert-4077:run-script";
		AtomicInteger sent = new AtomicInteger();
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.sideEffects.once(key, ScriptRun.class, () -> {
				sent.incrementAndGet();
				throw new OutcomeUnknownException("rmm run-script may have been carried out (HTTP 503)");
			}));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.sideEffects.once(key, ScriptRun.class, () -> {
				sent.incrementAndGet();
				return new ScriptRun("run-2", ScriptRun.Status.RUNNING, null, null);
			}))
			.withMessageContaining("HTTP 503");
		assertThat(sent).as("sent once, never again").hasValue(1);
	}

}
