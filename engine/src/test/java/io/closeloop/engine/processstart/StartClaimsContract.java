package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;

/**
 * Two instances' dispatchers claim from one outbox: no start is claimed by both, and
 * neither waits for the other's claim. One subclass per database.
 */
abstract class StartClaimsContract {

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private ProcessStartRepository starts;

	@Autowired
	private PlatformTransactionManager transactions;

	private final List<Long> mine = new ArrayList<>();

	@BeforeEach
	void freshOutbox() {
		this.starts.deleteAll();
		Instant now = Instant.now();
		for (int i = 0; i < 40; i++) {
			Alert alert = this.alerts
				.saveAndFlush(AlertFixtures.alert("datto-rmm", "claim-" + i + "-" + System.nanoTime(), "disk.space.low",
						"m", "ACME-WS-042", "Windows 11", "workstation", Map.of("diskFreePct", 4.0), null));
			ProcessStart start = new ProcessStart(alert.getId(), 2, "resumed", now.minusSeconds(1));
			this.starts.saveAndFlush(start);
			this.mine.add(alert.getId());
		}
	}

	/** The outbox is shared with the other persistence tests of this database. */
	@AfterEach
	void emptyOutbox() {
		this.starts.deleteAll();
	}

	@Test
	void shouldSkipTheRowsAnotherClaimHoldsInsteadOfWaitingOrTakingThem() throws Exception {
		StartClaims first = claims("first");
		StartClaims second = claims("second");
		CountDownLatch firstHolds = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// The first claim's transaction stays open while the second claims.
			Future<List<Long>> firstClaimed = threads
				.submit(() -> new TransactionTemplate(this.transactions).execute((tx) -> {
					List<Long> claimed = ids(first.claim(10));
					firstHolds.countDown();
					await(secondDone);
					return claimed;
				}));
			assertThat(firstHolds.await(20, TimeUnit.SECONDS)).isTrue();
			long before = System.nanoTime();
			Future<List<Long>> secondClaimed = threads.submit(() -> ids(second.claim(10)));
			List<Long> seconds = secondClaimed.get(20, TimeUnit.SECONDS);
			Duration took = Duration.ofNanos(System.nanoTime() - before);
			secondDone.countDown();
			List<Long> firsts = firstClaimed.get(20, TimeUnit.SECONDS);

			assertThat(firsts).hasSize(10);
			assertThat(seconds).as("the second claim").doesNotContainAnyElementsOf(firsts);
			assertThat(took).as("the second claim did not wait for the first").isLessThan(Duration.ofSeconds(3));
		}
		finally {
			secondDone.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void shouldHandEveryStartToOneClaimerWhenTwoDrainTheOutboxAtOnce() throws Exception {
		StartClaims first = claims("first");
		StartClaims second = claims("second");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<List<Long>> a = threads.submit(() -> drain(first));
			Future<List<Long>> b = threads.submit(() -> drain(second));
			List<Long> all = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
			all.addAll(b.get(60, TimeUnit.SECONDS));
			Set<Long> distinct = new HashSet<>(all);
			assertThat(all).as("claims").hasSameSizeAs(distinct);
			assertThat(distinct).containsExactlyInAnyOrderElementsOf(this.mine);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldLeaveAClaimedStartToItsClaimerUntilTheClaimEnds() {
		StartClaims first = claims("first");
		List<ProcessStart> claimed = first.claim(5);
		assertThat(claimed).extracting(ProcessStart::getClaimedBy).containsOnly("first");
		this.starts.allDueNow(Instant.now());
		assertThat(ids(claims("second").claim(100))).as("claimed by the first, even after allDueNow")
			.doesNotContainAnyElementsOf(ids(claimed))
			.hasSize(35);
	}

	@Test
	void shouldLeaveAStartAnotherInstanceClaimedAfterTheFirstClaimRanOutWhenTheFirstSendFails() {
		// The first instance's claim ran out while it was still sending.
		List<ProcessStart> claimedFirst = new StartClaims(this.starts, this.transactions, "first", Duration.ZERO,
				Clock.systemUTC())
			.claim(5);
		List<ProcessStart> claimedSecond = claims("second").claim(5);
		assertThat(ids(claimedSecond)).containsExactlyInAnyOrderElementsOf(ids(claimedFirst));
		StartRecorder first = new StartRecorder(this.starts, null, new TransactionTemplate(this.transactions), null,
				"first", Clock.systemUTC());

		// Then the engine's late answer to the first instance: not taken.
		first.retryLater(claimedFirst.stream()
			.map((start) -> new SentStart(start, null, CompletableFuture.failedFuture(new RuntimeException("late"))))
			.toList(), Duration.ofSeconds(1));

		assertThat(this.starts.findAllById(ids(claimedFirst))).extracting(ProcessStart::getClaimedBy)
			.as("the second instance's claims")
			.containsOnly("second");
	}

	private List<Long> drain(StartClaims claims) {
		List<Long> claimed = new ArrayList<>();
		for (int round = 0; round < 40; round++) {
			claimed.addAll(ids(claims.claim(3)));
		}
		return claimed;
	}

	private StartClaims claims(String instance) {
		return new StartClaims(this.starts, this.transactions, instance, Duration.ofMinutes(5), Clock.systemUTC());
	}

	private static List<Long> ids(List<ProcessStart> starts) {
		return starts.stream().map(ProcessStart::getAlertId).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
