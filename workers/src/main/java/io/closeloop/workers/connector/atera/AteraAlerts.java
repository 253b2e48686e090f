package io.closeloop.workers.connector.atera;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.VendorWords;
import io.closeloop.workers.connector.webhook.WebhookPayload;

/**
 * Turns one of Atera's alerts ({@code AlertDto}) into what intake takes in. The alert's
 * id is {@code AlertID}; its tenant is the one its {@code CustomerID} is mapped to; its
 * device is the agent ({@code AgentId}), or for an agentless device (SNMP, HTTP, TCP,
 * generic) its {@code DeviceGuid}, which no agent look-up knows, so such an alert is
 * handed to a person as out of scope. The type comes from the title, then the category,
 * through the vendor alert types table.
 */
class AteraAlerts {

	static final String FALLBACK_TYPE = "atera.alert";

	/** The device id of an alert that names neither an agent nor a device. */
	static final String NO_DEVICE = "none";

	private final Map<Long, String> tenants;

	private final ActiveRules rules;

	AteraAlerts(Map<Long, String> tenants, ActiveRules rules) {
		this.tenants = tenants;
		this.rules = rules;
	}

	/** The alert, or empty when its customer is mapped to no tenant. */
	Optional<InboundAlert> translate(JsonNode alert) {
		String tenant = this.tenants.get(alert.path("CustomerID").asLong(-1));
		if (tenant == null) {
			return Optional.empty();
		}
		String agentId = VendorJson.text(alert, "AgentId");
		String deviceGuid = VendorJson.text(alert, "DeviceGuid");
		String deviceId = (agentId != null && !agentId.isBlank()) ? agentId
				: (deviceGuid != null && !deviceGuid.isBlank()) ? deviceGuid
						// One of its own, so alerts that name no device are never taken
						// for
						// recurrences on one device.
						: NO_DEVICE + ":" + VendorJson.text(alert, "AlertID");
		String title = VendorJson.text(alert, "Title");
		List<String> labels = new ArrayList<>();
		for (String label : List.of(WebhookPayload.key(title),
				WebhookPayload.key(VendorJson.text(alert, "AlertCategoryID")))) {
			if (!label.isEmpty()) {
				labels.add(label);
			}
		}
		String details = VendorJson.text(alert, "AlertMessage");
		if (details == null || details.isBlank()) {
			details = VendorJson.text(alert, "AdditionalInfo");
		}
		return Optional.of(new InboundAlert(AteraApi.VENDOR.name(), alert.path("AlertID").asText(), tenant,
				new InboundAlert.Device(deviceId, VendorJson.text(alert, "DeviceName"), null,
						VendorWords.role(VendorJson.text(alert, "DeviceType"), null)),
				this.rules.current().alertType(AteraApi.VENDOR.name(), labels, FALLBACK_TYPE),
				VendorWords.severity(VendorJson.text(alert, "Severity")),
				WebhookPayload.lines((title != null) ? title : "Atera alert", blankToNull(details)), null,
				createdAt(VendorJson.text(alert, "Created"))));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/**
	 * When Atera raised it, if it says so with an offset; a time without one is left out
	 * (the time it was received stands), since Atera does not document its zone.
	 */
	private static Instant createdAt(String created) {
		if (created == null || created.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(created).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
