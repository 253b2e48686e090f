package io.closeloop.workers.connector.ninjaone;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
 * NinjaOne's webhook: one activity per call, shaped as NinjaOne's {@code Activity} with
 * the device expanded (the webhook configuration's {@code expand: [device]}), which is
 * where the organisation is. A condition that triggers raises an alert and its reset
 * clears it; the two are activities of one series, so the alert is known by the series.
 * An activity of another kind that reports a threat or a failure (antivirus, backup,
 * patching...) raises an alert too, so it reaches a person; everything else is
 * acknowledged and ignored (see {@link ActivityKind}).
 */
@Component
public class NinjaOneWebhook implements VendorWebhook {

	/**
	 * The payload fields that name a condition's kind, unless the settings name others:
	 * the condition's message code first, stable across languages and renames, then the
	 * names NinjaOne shows.
	 */
	static final List<String> TYPE_FIELDS = List.of("data.message.code", "sourceName", "subject");

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
		String activityType = payload.requiredAny("activityType", "type");
		String status = payload.requiredAny("statusCode", "status");
		String deviceId = payload.required("deviceId");
		ActivityKind kind = ActivityKind.of(activityType, status, payload.optional("activityResult"));
		boolean condition = kind == ActivityKind.CONDITION_TRIGGERED || kind == ActivityKind.CONDITION_RESET;
		String series = payload.optional("seriesUid");
		// A condition's trigger and reset share the series; without it, the condition on
		// the device links them.
		String sourceConfig = (condition && series == null) ? payload.requiredAny("seriesUid", "sourceConfigUid")
				: null;
		payload.check();
		if (kind == ActivityKind.INFORMATIONAL) {
			return new WebhookDelivery.Ignore("NinjaOne " + ActivityKind.code(activityType) + " activity "
					+ ActivityKind.code(status) + " reports neither a condition, a threat nor a failure");
		}
		String externalId = (series != null) ? series
				: condition ? sourceConfig + "@" + deviceId : "activity-" + payload.required("id");
		payload.check();
		if (kind == ActivityKind.CONDITION_RESET) {
			return new WebhookDelivery.Clear(vendor().name(), externalId, "NinjaOne reset the condition");
		}
		String organization = payload.requiredAny("device.organizationId", "organizationId");
		String message = payload.optional("message", "subject");
		payload.check();
		String tenant = settings.tenants().get(organization);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "organizationId", organization);
		}
		if (message == null) {
			message = "NinjaOne " + ActivityKind.code(activityType) + " " + ActivityKind.code(status);
		}
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), externalId, tenant,
				new InboundAlert.Device(deviceId,
						payload.optional("device.systemName", "device.displayName", "device.dnsName"), null,
						VendorWords.role(payload.optional("device.nodeClass"), null)),
				alertType(payload, settings, kind, activityType, status),
				VendorWords.severity(payload.optional("severity")), message, null, activityTime(payload)));
	}

	/**
	 * A condition's type from its labels; a threat's or failure's from its status code,
	 * then from what kind of report it is ({@code threat.detected}, or the activity type
	 * and {@code failed}, e.g. {@code ninja.backup.failed}), so the vendor alert types
	 * can name a status code of their own and know the rest by kind.
	 */
	private String alertType(WebhookPayload payload, WebhookSettings settings, ActivityKind kind, String activityType,
			String status) {
		List<String> labels = (kind == ActivityKind.CONDITION_TRIGGERED)
				? payload.labels(settings.typeFieldsOr(TYPE_FIELDS))
				: List.of(WebhookPayload.key(status), (kind == ActivityKind.THREAT) ? "threat.detected"
						: WebhookPayload.key(activityType) + ".failed");
		return this.rules.current().alertType(vendor().name(), labels, "ninjaone.condition");
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
