package io.closeloop.workers.connector.datto;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.VendorWebhook;
import io.closeloop.workers.connector.webhook.VendorWords;
import io.closeloop.workers.connector.webhook.WebhookAuth;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookPayload;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * Datto RMM's alert webhook. Datto sends whatever JSON the monitor's webhook template
 * says, filling {@code [variable]}s in; Closeloop reads the template documented in
 * docs/webhooks.md, the same for the alert and (with {@code "event":"resolved"}) for its
 * resolution. Datto documents no variable list and does not send a webhook again, so only
 * what an alert cannot do without is required: a field that is missing, or a variable
 * Datto left unfilled ({@code [alert_category]}), leaves its part out (the type then
 * comes from the other labels, else the fallback a person looks at) rather than refuse
 * the alert. Datto sends no custom header, so the secret is the URL's token.
 */
@Component
public class DattoWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("alertCategory", "alertType");

	private final ActiveRules rules;

	public DattoWebhook(ActiveRules rules) {
		this.rules = rules;
	}

	@Override
	public Vendor vendor() {
		return DattoApi.VENDOR;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.QUERY);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookSettings settings) {
		WebhookPayload payload = WebhookPayload.of(json);
		String event = payload.optional("event");
		String alertUid = payload.required("alertUid");
		if (event != null && event.toLowerCase(Locale.ROOT).startsWith("resolv")) {
			payload.check();
			return new WebhookDelivery.Clear(vendor().name(), alertUid, "Datto RMM reported the alert resolved");
		}
		String siteUid = payload.required("siteUid");
		String deviceUid = payload.required("deviceUid");
		String message = payload.optional("alertMessage");
		String hostname = payload.optional("deviceHostname");
		String os = payload.optional("deviceOs");
		String priority = payload.optional("alertPriority");
		Instant occurredAt = occurredAt(payload);
		payload.check();
		String tenant = settings.tenants().get(siteUid);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "siteUid", siteUid);
		}
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), alertUid, tenant,
				new InboundAlert.Device(deviceUid, hostname, os, VendorWords.role(payload.optional("deviceType"), os)),
				this.rules.current()
					.alertType(vendor().name(), payload.labels(settings.typeFieldsOr(TYPE_FIELDS)), "datto.alert"),
				VendorWords.severity(priority), message, null, occurredAt));
	}

	/** Datto's timestamps are epoch milliseconds; anything else is left out. */
	private static Instant occurredAt(WebhookPayload payload) {
		String timestamp = payload.optional("timestamp");
		if (timestamp == null) {
			return null;
		}
		try {
			return Instant.ofEpochMilli(Long.parseLong(timestamp));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
