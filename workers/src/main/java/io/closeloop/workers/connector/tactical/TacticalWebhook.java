package io.closeloop.workers.connector.tactical;

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
 * Tactical RMM's webhook: a URL action on an alert template, with the JSON body template
 * documented in docs/webhooks.md as the failure action and the same with
 * {@code "event":"resolved"} as the resolved action. Tactical sends the request headers
 * the URL action defines, so the secret travels in a header.
 */
@Component
public class TacticalWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("check_type", "alert_type");

	private final ActiveRules rules;

	public TacticalWebhook(ActiveRules rules) {
		this.rules = rules;
	}

	/** Django's {@code str(datetime)}: {@code 2026-11-21 10:15:00.123456+00:00}. */
	private static final DateTimeFormatter DJANGO = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendOffset("+HH:MM", "Z")
		.toFormatter(Locale.ROOT);

	@Override
	public Vendor vendor() {
		return TacticalApi.VENDOR;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.HEADER);
	}

	@Override
	public WebhookDelivery translate(JsonNode json, WebhookSettings settings) {
		WebhookPayload payload = WebhookPayload.of(json);
		String event = payload.optional("event");
		String alertId = payload.required("alert_id");
		if (event != null && event.toLowerCase(Locale.ROOT).startsWith("resolv")) {
			payload.check();
			return new WebhookDelivery.Clear(vendor().name(), alertId, "Tactical RMM resolved the alert");
		}
		String agentId = payload.required("agent_id");
		String message = payload.optional("message");
		String client = payload.requiredAny("client_id", "client");
		payload.check();
		String tenant = settings.tenants().get(client);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "client_id", client);
		}
		String os = present(payload.optional("os"));
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), alertId, tenant,
				new InboundAlert.Device(agentId, payload.optional("hostname"), os,
						VendorWords.role(present(payload.optional("monitoring_type")), os)),
				this.rules.current().alertType(vendor().name(), labels(payload, settings), "tactical.alert"),
				VendorWords.severity(payload.optional("severity")), message, null, alertTime(payload)));
	}

	/** The payload's labels, but for the None Tactical renders a missing value as. */
	private static List<String> labels(WebhookPayload payload, WebhookSettings settings) {
		return payload.labels(settings.typeFieldsOr(TYPE_FIELDS))
			.stream()
			.filter((label) -> !"none".equals(label))
			.toList();
	}

	/** Tactical renders a missing value (a check of an availability alert) as None. */
	private static String present(String value) {
		return ("None".equals(value)) ? null : value;
	}

	private static Instant alertTime(WebhookPayload payload) {
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
