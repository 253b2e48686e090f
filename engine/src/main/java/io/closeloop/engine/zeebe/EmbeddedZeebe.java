package io.closeloop.engine.zeebe;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;

/**
 * The in-memory Zeebe engine that runs inside the application on the embedded default. It
 * keeps every record in memory, loses its state on restart and has been seen to die under
 * sustained load, so it can be replaced by a fresh engine on the same port while the
 * application runs; the client reconnects by itself. Its gateway, which has no
 * authentication, listens on the loopback address only.
 */
public class EmbeddedZeebe implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebe.class);

	private final int port;

	private final AtomicInteger replacements = new AtomicInteger();

	private volatile ZeebeTestEngine engine;

	private volatile String incarnation;

	private final EmbeddedEngineLease lease;

	public EmbeddedZeebe(int port, EmbeddedEngineLease lease) {
		this.port = port;
		this.lease = lease;
		this.incarnation = newIncarnation();
		// Refuses to start when another live instance's embedded engine uses the
		// database.
		lease.acquire(this.incarnation);
		// Started at construction, not in the lifecycle's start(): the Camunda client
		// beans are
		// created (and their workers start polling) before lifecycle callbacks run.
		this.engine = startEngine();
	}

	public int port() {
		return this.port;
	}

	/**
	 * Which engine runs now: a new name each time one starts empty, so what an earlier
	 * one held is told from what this one holds.
	 */
	public String incarnation() {
		return this.incarnation;
	}

	public int replacements() {
		return this.replacements.get();
	}

	/** The running engine: for the watchdog, and for tests that move its clock. */
	public ZeebeTestEngine engine() {
		return this.engine;
	}

	/**
	 * Stops the current engine (if it still answers) and starts a fresh, empty one on the
	 * same port.
	 */
	public synchronized void replace() {
		log.warn("Replacing the embedded Zeebe engine on port {}: its state (running instances) is lost", this.port);
		stopQuietly(this.engine);
		this.incarnation = newIncarnation();
		this.engine = startEngine();
		this.replacements.incrementAndGet();
		this.lease.renewQuietly(this.incarnation);
	}

	/**
	 * Stops the engine without replacing it: what a crash looks like from outside. For
	 * tests.
	 */
	public synchronized void stopEngine() {
		stopQuietly(this.engine);
	}

	private ZeebeTestEngine startEngine() {
		LoopbackGrpcServers.install();
		ZeebeTestEngine started = EngineFactory.create(this.port);
		started.start();
		log.info("Embedded Zeebe engine listening on {} (evaluation and development only)",
				started.getGatewayAddress());
		return started;
	}

	private static String newIncarnation() {
		return EngineIncarnation.EMBEDDED_PREFIX + UUID.randomUUID();
	}

	private static void stopQuietly(ZeebeTestEngine engine) {
		try {
			engine.stop();
		}
		catch (RuntimeException ex) {
			log.warn("The embedded Zeebe engine did not stop cleanly: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		// Already running since construction.
	}

	@Override
	public void stop() {
		stopQuietly(this.engine);
		this.lease.releaseQuietly();
	}

	@Override
	public boolean isRunning() {
		return true;
	}

	@Override
	public int getPhase() {
		// Stop after the job workers (default phase) so they do not poll a stopped
		// engine.
		return Integer.MAX_VALUE;
	}

}
