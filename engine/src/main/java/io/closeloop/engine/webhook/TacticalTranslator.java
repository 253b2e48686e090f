package io.closeloop.engine.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.engine.alert.AlertRequest;

/**
 * Tactical RMM's webhook: a URL action on an alert template, with the JSON body template
 * documented in docs-draft/webhooks.md as the failure action and the same with
 * {@code "event":"resolved"} as the resolved action. Tactical sends the request headers
 * the URL action defines, so the secret travels in a header.
 */
@Component
class TacticalTranslator implements VendorTranslator {

	static final String NAME = "tactical";

	/** Tactical's check types and alert types to the rules' alert types. */
	private static final Map<String, String> TYPES = Map.of("diskspace", "disk.space.low", "cpuload", "cpu.high",
			"memory", "memory.high", "winsvc", "service.stopped", "eventlog", "eventlog", "ping", "ping",
			"availability", "agent.offline");

	/** Django's {@code str(datetime)}: {@code 2026-11-21 10:15:00.123456+00:00}. */
	private static final DateTimeFormatter DJANGO = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendOffset("+HH:MM", "Z")
		.toFormatter(Locale.ROOT);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.HEADER);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookProperties.Vendor settings) {
		Payload payload = Payload.of(json);
		String event = payload.optional("event");
		String alertId = payload.required("alert_id");
		if (event != null && event.toLowerCase(Locale.ROOT).startsWith("resolv")) {
			payload.check();
			return new WebhookDelivery.Clear(NAME, alertId, "Tactical RMM resolved the alert");
		}
		String agentId = payload.required("agent_id");
		String message = payload.required("message");
		String client = payload.requiredAny("client_id", "client");
		payload.check();
		String tenant = settings.tenants().get(client);
		if (tenant == null) {
			throw WebhookRejected.unmapped(NAME, "client_id", client);
		}
		String os = present(payload.optional("os"));
		return new WebhookDelivery.Raise(new AlertRequest(NAME, alertId, tenant,
				new AlertRequest.Device(agentId, payload.optional("hostname"), os,
						AlertTypes.role(present(payload.optional("monitoring_type")), os)),
				AlertTypes.resolve(settings.types(), TYPES, "tactical.alert", present(payload.optional("check_type")),
						present(payload.optional("alert_type"))),
				AlertTypes.severity(payload.optional("severity")), Payload.clip(message), null, alertTime(payload)));
	}

	/** Tactical renders a missing value (a check of an availability alert) as None. */
	private static String present(String value) {
		return ("None".equals(value)) ? null : value;
	}

	private static Instant alertTime(Payload payload) {
		String time = payload.optional("alert_time");
		if (time == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time, DJANGO).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

}
