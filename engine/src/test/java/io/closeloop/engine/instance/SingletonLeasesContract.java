package io.closeloop.engine.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one database, each with its own ShedLock provider as the application
 * makes it: a singleton task's body runs in one of them per turn, and one leader leads.
 * One subclass per database.
 */
abstract class SingletonLeasesContract {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void shouldRunASingletonTaskBodyInOneOfTwoInstances() throws Exception {
		String task = "test-task-" + UUID.randomUUID();
		SingletonTasks first = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "first"),
				Clock.systemUTC());
		SingletonTasks second = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "second"),
				Clock.systemUTC());
		AtomicInteger runs = new AtomicInteger();
		Runnable body = () -> {
			runs.incrementAndGet();
			sleep(Duration.ofMillis(300));
		};
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> ran = List.of(first, second).stream().map((instance) -> threads.submit(() -> {
				together.await();
				return instance.runOnceEvery(task, Duration.ofSeconds(10), body);
			})).toList();
			assertThat(List.of(ran.get(0).get(), ran.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(runs).as("bodies run at one turn").hasValue(1);
		assertThat(second.runOnceEvery(task, Duration.ofSeconds(10), body))
			.as("the other instance's turn just after is skipped too")
			.isFalse();
		assertThat(first.runOnceEvery(task, Duration.ofSeconds(10), body)).isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void shouldSkipAnotherInstancesTurnThatFallsLateInTheSameInterval() {
		String task = "test-task-" + UUID.randomUUID();
		SingletonTasks first = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "first"),
				Clock.systemUTC());
		SingletonTasks second = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "second"),
				Clock.systemUTC());
		AtomicInteger runs = new AtomicInteger();
		Duration interval = Duration.ofSeconds(3);
		assertThat(first.runOnceEvery(task, interval, runs::incrementAndGet)).isTrue();
		// The second instance's timer fires two thirds of an interval after the first's.
		sleep(Duration.ofSeconds(2));

		assertThat(second.runOnceEvery(task, interval, runs::incrementAndGet))
			.as("a turn of the same interval, on another instance")
			.isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void shouldRunTheBodyAgainOnceItsLeaseEnded() {
		String task = "test-task-" + UUID.randomUUID();
		SingletonTasks first = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "first"),
				Clock.systemUTC());
		SingletonTasks second = new SingletonTasks(SingletonConfiguration.leasesOf(this.jdbc, "second"),
				Clock.systemUTC());
		AtomicInteger runs = new AtomicInteger();
		assertThat(first.runOnce(task, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
		assertThat(second.runOnce(task, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(2);
	}

	@Test
	void shouldLetOneInstanceLeadAndTheOtherTakeOverWhenItLetsGo() {
		String name = "test-leader-" + UUID.randomUUID();
		LeaderLease first = new LeaderLease(SingletonConfiguration.leasesOf(this.jdbc, "first"), name,
				Duration.ofMinutes(1), Clock.systemUTC());
		LeaderLease second = new LeaderLease(SingletonConfiguration.leasesOf(this.jdbc, "second"), name,
				Duration.ofMinutes(1), Clock.systemUTC());
		long term = first.lead();
		assertThat(term).isPositive();
		assertThat(second.lead()).as("while the first leads").isZero();
		assertThat(first.lead()).as("the same term while it holds the lease").isEqualTo(term);
		first.release();
		assertThat(second.lead()).isPositive();
		assertThat(first.lead()).isZero();
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
