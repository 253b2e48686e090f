package io.closeloop.engine.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.engine.alert.AlertRequest;

/**
 * Datto RMM's alert webhook. Datto sends whatever JSON the monitor's webhook template
 * says, filling {@code [variable]}s in; Closeloop reads the template documented in
 * docs-draft/webhooks.md, the same for the alert and (with {@code "event":"resolved"})
 * for its resolution. Datto sends no custom header, so the secret is the URL's token.
 */
@Component
class DattoTranslator implements VendorTranslator {

	static final String NAME = "datto";

	/**
	 * Datto's monitor categories and alert-context classes ({@code perf_disk_usage_ctx}),
	 * as keys, to the rules' alert types.
	 */
	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("perf.disk.usage.ctx", "disk.space.low"),
			Map.entry("disk.usage", "disk.space.low"), Map.entry("disk.space", "disk.space.low"),
			Map.entry("srvc.status.ctx", "service.stopped"), Map.entry("service.status", "service.stopped"),
			Map.entry("online.offline.status.ctx", "agent.offline"), Map.entry("online.status", "agent.offline"),
			Map.entry("cpu.usage", "cpu.high"), Map.entry("cpu", "cpu.high"), Map.entry("memory.usage", "memory.high"),
			Map.entry("memory", "memory.high"), Map.entry("antivirus.ctx", "antivirus"),
			Map.entry("antivirus", "antivirus"), Map.entry("ransomware.ctx", "ransomware.detected"),
			Map.entry("ransomware", "ransomware.detected"), Map.entry("eventlog.ctx", "eventlog"),
			Map.entry("event.log", "eventlog"), Map.entry("patch.ctx", "patch"), Map.entry("patch", "patch"));

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.QUERY);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookProperties.Vendor settings) {
		Payload payload = Payload.of(json);
		String event = payload.optional("event");
		String alertUid = payload.required("alertUid");
		if (event != null && event.toLowerCase(Locale.ROOT).startsWith("resolv")) {
			payload.check();
			return new WebhookDelivery.Clear(NAME, alertUid, "Datto RMM reported the alert resolved");
		}
		String siteUid = payload.required("siteUid");
		String deviceUid = payload.required("deviceUid");
		String message = payload.required("alertMessage");
		String hostname = payload.optional("deviceHostname");
		String os = payload.optional("deviceOs");
		String category = payload.optional("alertCategory");
		String type = payload.optional("alertType");
		String priority = payload.optional("alertPriority");
		Instant occurredAt = occurredAt(payload);
		payload.check();
		String tenant = settings.tenants().get(siteUid);
		if (tenant == null) {
			throw WebhookRejected.unmapped(NAME, "siteUid", siteUid);
		}
		return new WebhookDelivery.Raise(new AlertRequest(NAME, alertUid, tenant,
				new AlertRequest.Device(deviceUid, hostname, os, AlertTypes.role(payload.optional("deviceType"), os)),
				AlertTypes.resolve(settings.types(), TYPES, "datto.alert", category, type),
				AlertTypes.severity(priority), Payload.clip(message), null, occurredAt));
	}

	/** Datto's timestamps are epoch milliseconds; anything else is left out. */
	private static Instant occurredAt(Payload payload) {
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
