package io.closeloop.engine.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.engine.alert.AlertRequest;

/**
 * NinjaOne's webhook: one activity per call. A {@code CONDITION} activity whose status is
 * {@code TRIGGERED} raises an alert, {@code RESET} clears it; every other activity is
 * acknowledged and ignored. The trigger and its reset are two activities with two ids, so
 * the alert is known by the activity series (the condition on the device) they share.
 */
@Component
class NinjaOneTranslator implements VendorTranslator {

	static final String NAME = "ninjaone";

	/** NinjaOne condition names, as keys, to the rules' alert types. */
	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("disk.free.space", "disk.space.low"),
			Map.entry("disk.space", "disk.space.low"), Map.entry("disk.usage", "disk.space.low"),
			Map.entry("cpu", "cpu.high"), Map.entry("cpu.utilization", "cpu.high"), Map.entry("memory", "memory.high"),
			Map.entry("memory.utilization", "memory.high"), Map.entry("windows.service", "service.stopped"),
			Map.entry("service", "service.stopped"), Map.entry("device.down", "agent.offline"),
			Map.entry("device.offline", "agent.offline"), Map.entry("pending.reboot", "reboot.pending"),
			Map.entry("antivirus.threat", "antivirus.threat"), Map.entry("threat.detected", "antivirus.threat"));

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.HEADER, WebhookAuth.QUERY);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookProperties.Vendor settings) {
		Payload payload = Payload.of(json);
		String activityType = payload.optional("activityType", "type");
		if (activityType != null && !"CONDITION".equalsIgnoreCase(activityType)) {
			return new WebhookDelivery.Ignore("activity type " + activityType + " is not an alert condition");
		}
		String status = payload.requiredAny("statusCode", "status");
		payload.required("id");
		String deviceId = payload.required("deviceId");
		String series = payload.optional("seriesUid");
		String condition = (series != null) ? null : payload.requiredAny("seriesUid", "sourceConfigUid");
		payload.check();
		// The series links a trigger to its reset; without it, the condition on the
		// device.
		String externalId = (series != null) ? series : condition + "@" + deviceId;
		String state = status.toUpperCase(Locale.ROOT);
		if (state.equals("RESET")) {
			return new WebhookDelivery.Clear(NAME, externalId, "NinjaOne reset the condition");
		}
		if (!state.equals("TRIGGERED")) {
			return new WebhookDelivery.Ignore("condition status " + status + " neither triggers nor resets an alert");
		}
		String organization = payload.requiredAny("organizationId", "device.organizationId");
		String message = payload.requiredAny("message", "subject");
		payload.check();
		String tenant = settings.tenants().get(organization);
		if (tenant == null) {
			throw WebhookRejected.unmapped(NAME, "organizationId", organization);
		}
		String nodeClass = payload.optional("device.nodeClass");
		return new WebhookDelivery.Raise(new AlertRequest(NAME, externalId, tenant,
				new AlertRequest.Device(deviceId, payload.optional("device.systemName", "device.displayName"), null,
						AlertTypes.role(nodeClass)),
				AlertTypes.resolve(settings.types(), TYPES, "ninjaone.condition", payload.optional("sourceName"),
						payload.optional("subject")),
				AlertTypes.severity(payload.optional("severity")), Payload.clip(message), null, activityTime(payload)));
	}

	/** Epoch seconds, possibly with a fraction. */
	private static Instant activityTime(Payload payload) {
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
