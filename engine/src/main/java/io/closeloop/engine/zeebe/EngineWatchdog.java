package io.closeloop.engine.zeebe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.camunda.client.CamundaClient;

/**
 * Probes the engine's liveness on a schedule. The probe publishes a message nobody waits
 * for, with no time to live: it passes through the engine's stream processor, which is
 * the part seen to die under load, where a topology request would still be answered. When
 * the embedded engine fails enough probes in a row it is replaced and the processes
 * deployed again; a remote cluster is only reported, since it heals itself.
 */
@Component
public class EngineWatchdog implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EngineWatchdog.class);

	private static final String PROBE_MESSAGE = "closeloop-liveness-probe";

	private static final Duration REDEPLOY_DEADLINE = Duration.ofSeconds(60);

	private static final Duration REDEPLOY_PAUSE = Duration.ofMillis(250);

	private final CamundaClient client;

	private final Optional<EmbeddedZeebe> embedded;

	private final ProcessDeployer deployer;

	private final EmbeddedZeebeProperties properties;

	private final EmbeddedZeebeProperties.Watchdog watchdog;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private volatile EngineState state = new EngineState(false, null, "not probed yet", 0);

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	EngineWatchdog(CamundaClient client, ObjectProvider<EmbeddedZeebe> embedded, ProcessDeployer deployer,
			EmbeddedZeebeProperties properties, EmbeddedZeebeProperties.Watchdog watchdog,
			ApplicationEventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
		this.client = client;
		this.embedded = Optional.ofNullable(embedded.getIfAvailable());
		this.deployer = deployer;
		this.properties = properties;
		this.watchdog = watchdog;
	}

	public EngineState state() {
		return this.state;
	}

	public boolean isEmbedded() {
		return this.embedded.isPresent();
	}

	/** The embedded engine starts empty: what the previous run left in flight is lost. */
	@EventListener(ApplicationReadyEvent.class)
	public void embeddedEngineStartedEmpty() {
		if (this.embedded.isPresent()) {
			this.publisher.publishEvent(new EngineStateLost("the application restarted with a fresh embedded engine",
					this.embedded.get().incarnation()));
		}
	}

	/**
	 * Probes every {@code closeloop.zeebe.watchdog.interval}, the first time after one.
	 * In every instance: each probes the engine its own client reaches, and only the one
	 * instance whose embedded engine it is (see {@link EmbeddedEngineLease}) replaces it.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::probe, this.watchdog.interval(), this.watchdog.interval()));
	}

	/** Probes once, replacing a dead embedded engine when it has failed often enough. */
	public synchronized EngineState probe() {
		try {
			this.client.newPublishMessageCommand()
				.messageName(PROBE_MESSAGE)
				.correlationKey(UUID.randomUUID().toString())
				.timeToLive(Duration.ZERO)
				.requestTimeout(this.watchdog.probeTimeout())
				.send()
				.join();
			this.consecutiveFailures.set(0);
			this.state = new EngineState(true, this.clock.instant(), "answered", replacements());
			this.deployer.deployIfNeeded();
		}
		catch (RuntimeException ex) {
			int failures = this.consecutiveFailures.incrementAndGet();
			this.state = new EngineState(false, this.clock.instant(),
					"probe failed " + failures + " time(s): " + ex.getMessage(), replacements());
			log.warn("Zeebe liveness probe failed ({} in a row): {}", failures, rootCause(ex));
			if (this.embedded.isPresent() && failures >= this.properties.failuresBeforeReplace()) {
				replaceEmbedded(this.embedded.get());
			}
		}
		return this.state;
	}

	private void replaceEmbedded(EmbeddedZeebe engine) {
		try {
			this.deployer.engineReplaced();
			engine.replace();
			this.publisher
				.publishEvent(new EngineStateLost("the embedded engine died and was replaced", engine.incarnation()));
			deployWhenReachable();
			this.consecutiveFailures.set(0);
			this.state = new EngineState(true, this.clock.instant(), "replaced a dead embedded engine", replacements());
		}
		catch (RuntimeException ex) {
			log.error("Could not replace the embedded Zeebe engine; will try again at the next probe", ex);
		}
	}

	/**
	 * The client's connection backs off after the old engine refused it, so the first
	 * calls to the new engine can fail fast: keep deploying until the connection is back.
	 */
	private void deployWhenReachable() {
		long deadline = System.nanoTime() + REDEPLOY_DEADLINE.toNanos();
		while (true) {
			try {
				this.deployer.deploy();
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw ex;
				}
				sleep(REDEPLOY_PAUSE);
			}
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while redeploying", ex);
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + cause + ")";
	}

	private int replacements() {
		return this.embedded.map(EmbeddedZeebe::replacements).orElse(0);
	}

	/** What the last probe found. */
	public record EngineState(boolean up, Instant probedAt, String detail, int replacements) {

	}

}
