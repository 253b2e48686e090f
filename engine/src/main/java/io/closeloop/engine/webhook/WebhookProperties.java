package io.closeloop.engine.webhook;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * The vendors that may call {@code POST /api/webhooks/{vendor}}, each under
 * {@code closeloop.webhooks.<vendor>}. Secrets come from the environment.
 */
@ConfigurationProperties("closeloop")
public record WebhookProperties(Map<String, WebhookSettings> webhooks) {

	public WebhookProperties {
		webhooks = (webhooks != null) ? Map.copyOf(webhooks) : Map.of();
	}

	/** The settings of the vendor, or null when it is not configured. */
	WebhookSettings of(String vendor) {
		WebhookSettings settings = this.webhooks.get(vendor);
		return (settings != null && settings.configured()) ? settings : null;
	}

}
