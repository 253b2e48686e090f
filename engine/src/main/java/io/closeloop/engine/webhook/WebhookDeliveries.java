package io.closeloop.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.closeloop.engine.instance.SingletonTasks;

/**
 * The webhook deliveries handled lately, by the digest of the vendor's name and the body
 * exactly as it came. A delivery that comes again, whether a vendor retries one already
 * answered or someone replays a captured one (a signed body stays validly signed), is
 * answered as already received and not acted on. Kept in the database, so every instance
 * knows what another has handled.
 */
@Component
@EnableConfigurationProperties(WebhookDeliverySettings.class)
class WebhookDeliveries implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

	private final ReceivedDeliveryRepository deliveries;

	private final WebhookDeliverySettings settings;

	private final SingletonTasks singletons;

	private final Clock clock;

	WebhookDeliveries(ReceivedDeliveryRepository deliveries, WebhookDeliverySettings settings,
			SingletonTasks singletons, Clock clock) {
		this.deliveries = deliveries;
		this.settings = settings;
		this.singletons = singletons;
		this.clock = clock;
	}

	static String digest(String vendor, byte[] body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(vendor.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			return HexFormat.of().formatHex(sha256.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from the JVM", ex);
		}
	}

	/** The delivery as handled before, within {@code remember-for}; empty if not. */
	Optional<ReceivedDelivery> handledBefore(String digest) {
		Instant since = this.clock.instant().minus(this.settings.rememberFor());
		return this.deliveries.findById(digest).filter((delivery) -> !delivery.receivedAt().isBefore(since));
	}

	/**
	 * Remembers a delivery handled, with the alert it named; one handled at the same
	 * moment elsewhere is kept.
	 */
	void handled(String digest, String vendor, Long alertId) {
		try {
			this.deliveries.save(new ReceivedDelivery(digest, vendor, alertId, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Delivery {} of {} was recorded by another request first", digest, vendor);
		}
	}

	/** Every instance schedules the purge; one of them runs it at each turn. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> this.singletons.runOnceEvery("webhook-deliveries-purge",
				this.settings.purgeInterval(), this::forgetOld), this.settings.purgeInterval());
	}

	void forgetOld() {
		int deleted = this.deliveries.deleteReceivedBefore(this.clock.instant().minus(this.settings.rememberFor()));
		if (deleted > 0) {
			log.debug("Forgot {} webhook deliveries older than {}", deleted, this.settings.rememberFor());
		}
	}

}
