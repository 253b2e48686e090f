package io.closeloop.workers.connector.tactical;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * <p>
 * Tactical fills the template in as text: an empty or false value is the word
 * {@code None}, which is taken as absent here; a value with a {@code "} in it breaks the
 * JSON, and the body then arrives as one JSON string, which {@link TemplateText} reads
 * back.
 */
@Component
public class TacticalWebhook implements VendorWebhook {

	private static final Logger log = LoggerFactory.getLogger(TacticalWebhook.class);

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("check_type", "alert_type");

	/** How Tactical renders a missing, empty or false value. */
	private static final String NONE = "None";

	/** Django's {@code str(datetime)}: {@code 2026-11-21 10:15:00.123456+00:00}. */
	private static final DateTimeFormatter DJANGO = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendOffset("+HH:MM", "Z")
		.toFormatter(Locale.ROOT);

	/**
	 * A virtual machine's make and model as its agent reports them ({@code Microsoft
	 * Corporation Virtual Machine}, {@code VMware, Inc. VMware7,1}, {@code QEMU Standard
	 * PC}): a virtual machine counts as a server, whatever it was installed as.
	 */
	private static final Pattern VIRTUAL_MACHINE = Pattern.compile(
			"vmware|virtual|qemu|kvm|xen|bochs|parallels|bhyve|proxmox|nutanix|openstack|amazon ec2|compute engine");

	private final ActiveRules rules;

	private final Clock clock;

	public TacticalWebhook(ActiveRules rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

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
		if (json == null || !json.isTextual()) {
			return translateFields(withoutNone(json), settings);
		}
		ObjectNode fields = TemplateText.fields(json.asText());
		WebhookDelivery delivery;
		try {
			delivery = translateFields(withoutNone(fields), settings);
		}
		catch (WebhookRejected rejected) {
			if (rejected.reason() != WebhookRejected.Reason.MALFORMED) {
				throw rejected;
			}
			List<WebhookRejected.FieldProblem> problems = new ArrayList<>();
			problems.add(new WebhookRejected.FieldProblem("(body)",
					"is a JSON string, not an object, as Tactical RMM sends the rendered template when it is not"
							+ " valid JSON (a value with a \" in it); only the \"key\":\"value\" pairs of a flat"
							+ " template can be read back from it"));
			problems.addAll(rejected.errors());
			throw new WebhookRejected(WebhookRejected.Reason.MALFORMED,
					"The body is the rendered template as one JSON string, and its fields could not all be read back: "
							+ rejected.getMessage(),
					problems);
		}
		log.info("Tactical RMM sent its body template as one JSON string (it did not render as JSON); "
				+ "its {} field(s) were read back from the text", fields.size());
		return delivery;
	}

	private WebhookDelivery translateFields(JsonNode json, WebhookSettings settings) {
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
		String os = payload.optional("os");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), alertId, tenant,
				new InboundAlert.Device(agentId, payload.optional("hostname"), os,
						VendorWords.role(deviceType(payload), os)),
				this.rules.current()
					.alertType(vendor().name(), payload.labels(settings.typeFieldsOr(TYPE_FIELDS)), "tactical.alert"),
				VendorWords.severity(payload.optional("severity")), withService(message, payload.optional("service")),
				null, alertTime(payload, alertId)));
	}

	/**
	 * Tactical's own word for the device ({@code server} or {@code workstation}, as the
	 * agent was installed), unless its make and model show a virtual machine.
	 */
	private static String deviceType(WebhookPayload payload) {
		String makeModel = payload.optional("make_model");
		if (makeModel != null && VIRTUAL_MACHINE.matcher(makeModel.toLowerCase(Locale.ROOT)).find()) {
			return "virtual machine";
		}
		return payload.optional("monitoring_type");
	}

	/**
	 * The message with the service's name, which a service check's message lacks: it
	 * names the service by its display name ({@code Active Directory Domain Services} for
	 * {@code NTDS}), and the rules know services by either.
	 */
	private static String withService(String message, String service) {
		if (service == null || message == null
				|| message.toLowerCase(Locale.ROOT).contains(service.toLowerCase(Locale.ROOT))) {
			return message;
		}
		return message + " (service " + service + ")";
	}

	/**
	 * {@code {{alert.alert_time}}} renders as Django's {@code str(datetime)}; the API's
	 * ISO form is read too. Any other text is no reason to refuse the alert: the time it
	 * was received stands in.
	 */
	private Instant alertTime(WebhookPayload payload, String alertId) {
		String time = payload.optional("alert_time");
		if (time == null) {
			return null;
		}
		for (DateTimeFormatter format : List.of(DJANGO, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
			try {
				return OffsetDateTime.parse(time, format).toInstant();
			}
			catch (DateTimeParseException ex) {
				// Try the next form.
			}
		}
		log.warn("Tactical RMM alert {}: alert_time '{}' is not a time Closeloop reads; the time it was received "
				+ "stands in", alertId, (time.length() > 60) ? time.substring(0, 60) + "…" : time);
		return this.clock.instant();
	}

	/** A copy of the payload without the fields Tactical rendered as {@code None}. */
	private static JsonNode withoutNone(JsonNode json) {
		if (!(json instanceof ObjectNode object)) {
			return json;
		}
		ObjectNode copy = object.objectNode();
		object.properties().forEach((field) -> {
			JsonNode value = field.getValue();
			if (!value.isTextual() || !NONE.equals(value.asText().strip())) {
				copy.set(field.getKey(), withoutNone(value));
			}
		});
		return copy;
	}

}
