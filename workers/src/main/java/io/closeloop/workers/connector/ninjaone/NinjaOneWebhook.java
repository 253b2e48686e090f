package io.closeloop.workers.connector.ninjaone;

import java.math.BigDecimal;
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
 * NinjaOne's webhook: one activity per call. A {@code CONDITION} activity whose status is
 * {@code TRIGGERED} raises an alert, {@code RESET} clears it; every other activity is
 * acknowledged and ignored. The trigger and its reset are two activities with two ids, so
 * the alert is known by the activity series (the condition on the device) they share.
 */
@Component
public class NinjaOneWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("sourceName", "subject");

	private final ActiveRules rules;

	public NinjaOneWebhook(ActiveRules rules) {
		this.rules = rules;
	}

	@Override
	public Vendor vendor() {
		return NinjaOneApi.VENDOR;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.HEADER, WebhookAuth.QUERY);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookSettings settings) {
		WebhookPayload payload = WebhookPayload.of(json);
		String activityType = payload.optional("activityType", "type");
		if (activityType != null && !"CONDITION".equalsIgnoreCase(activityType)) {
			return new WebhookDelivery.Ignore("activity type " + activityType + " is not an alert condition");
		}
		String status = payload.requiredAny("statusCode", "status");
		String deviceId = payload.required("deviceId");
		String series = payload.optional("seriesUid");
		String condition = (series != null) ? null : payload.requiredAny("seriesUid", "sourceConfigUid");
		payload.check();
		// The series links a trigger to its reset; without it, the condition on the
		// device.
		String externalId = (series != null) ? series : condition + "@" + deviceId;
		String state = status.toUpperCase(Locale.ROOT);
		if (state.equals("RESET")) {
			return new WebhookDelivery.Clear(vendor().name(), externalId, "NinjaOne reset the condition");
		}
		if (!state.equals("TRIGGERED")) {
			return new WebhookDelivery.Ignore("condition status " + status + " neither triggers nor resets an alert");
		}
		String organization = payload.requiredAny("organizationId", "device.organizationId");
		String message = payload.optional("message", "subject");
		payload.check();
		String tenant = settings.tenants().get(organization);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "organizationId", organization);
		}
		String nodeClass = payload.optional("device.nodeClass");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), externalId, tenant,
				new InboundAlert.Device(deviceId, payload.optional("device.systemName", "device.displayName"), null,
						VendorWords.role(nodeClass, null)),
				this.rules.current()
					.alertType(vendor().name(), payload.labels(settings.typeFieldsOr(TYPE_FIELDS)),
							"ninjaone.condition"),
				VendorWords.severity(payload.optional("severity")), message, null, activityTime(payload)));
	}

	/** Epoch seconds, possibly with a fraction. */
	private static Instant activityTime(WebhookPayload payload) {
		String time = payload.optional("activityTime");
		if (time == null) {
			return null;
		}
		try {
			BigDecimal seconds = new BigDecimal(time);
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

}
