package io.closeloop.engine.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long webhook deliveries are remembered ({@code closeloop.webhook-deliveries.*}).
 *
 * @param rememberFor how long a delivery handled is recognised when it comes again
 * (vendors retry within minutes or hours; a replay outside it is still only a duplicate
 * of the alert)
 * @param purgeInterval how often deliveries older than that are deleted
 */
@ConfigurationProperties("closeloop.webhook-deliveries")
public record WebhookDeliverySettings(@DefaultValue("P1D") Duration rememberFor,
		@DefaultValue("PT1H") Duration purgeInterval) {

	public WebhookDeliverySettings {
		if (rememberFor.isNegative() || rememberFor.isZero() || purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException(
					"closeloop.webhook-deliveries.remember-for and purge-interval must be positive");
		}
	}

}
