package io.closeloop.workers.connector.connectwise;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.Signatures;

/**
 * ConnectWise PSA's callbacks ({@code POST /system/callbacks}, type Ticket). A ticket
 * {@code added} on one of the configured boards starts a process; every other callback is
 * acknowledged and ignored. ConnectWise signs the body: {@code x-content-signature} is
 * the Base64 HMAC-SHA256 of the body keyed with the SHA-256 of the callback's signing
 * key, so the key may be configured as that digest ({@code sha256:<hex>}) alone.
 */
@Component
public class ConnectWiseWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("subType.name", "type.name");

	private final ActiveRules rules;

	static final String SIGNATURE_HEADER = "x-content-signature";

	private final ObjectMapper json;

	public ConnectWiseWebhook(ActiveRules rules, ObjectMapper json) {
		this.rules = rules;
		this.json = json;
	}

	@Override
	public Vendor vendor() {
		return ConnectWiseApi.VENDOR;
	}

	@Override
	public boolean isPsa() {
		return true;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.SIGNATURE);
	}

	@Override
	public boolean signatureMatches(byte[] body, Map<String, String> headers, Secret secret) {
		byte[] key = SecretDigest.of(secret);
		return key.length > 0
				&& Signatures.matches(Signatures.hmac("HmacSHA256", key, body), headers.get(SIGNATURE_HEADER));
	}

	@Override
	public String signatureHint() {
		return "Send the callback's signature in the " + SIGNATURE_HEADER + " header";
	}

	@Override
	public WebhookDelivery translate(JsonNode body, WebhookSettings settings) {
		WebhookPayload callback = WebhookPayload.of(body);
		String action = callback.required("Action");
		String type = callback.required("Type");
		String ticketId = callback.required("ID");
		callback.check();
		if (!"ticket".equalsIgnoreCase(type)) {
			return new WebhookDelivery.Ignore("a callback for " + type + ", not for a ticket");
		}
		if (!"added".equalsIgnoreCase(action)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " was " + action + ", not added");
		}
		WebhookPayload ticket = WebhookPayload.of(entity(callback.node("Entity")), "Entity");
		String board = ticket.required("board.id");
		String company = ticket.required("company.id");
		String summary = ticket.required("summary");
		ticket.check();
		if (!settings.startOn().contains(board)) {
			return new WebhookDelivery.Ignore(
					"ticket " + ticketId + " is on board " + board + " (" + ticket.optional("board.name")
							+ "), which does not start a process; boards that do: " + settings.startOn());
		}
		String tenant = settings.tenants().get(company);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "company.id", company);
		}
		String description = ticket.optional("initialDescription");
		String device = ticket.optional("configurations.0.id");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), ticketId, tenant,
				new InboundAlert.Device((device != null) ? device : "ticket-" + ticketId,
						ticket.optional("configurations.0.deviceIdentifier"), null, null),
				this.rules.current()
					.alertType(vendor().name(), ticket.labels(settings.typeFieldsOr(TYPE_FIELDS)), "psa.ticket"),
				VendorWords.severity(ticket.optional("severity", "priority.name")),
				WebhookPayload.clip((description != null) ? summary + "\n" + description : summary), null, null));
	}

	/** The ticket, which ConnectWise sends as a JSON document inside a string. */
	private JsonNode entity(JsonNode entity) {
		if (entity != null && entity.isTextual()) {
			try {
				return this.json.readTree(entity.asText());
			}
			catch (JsonProcessingException ex) {
				throw WebhookRejected.malformed(
						List.of(new WebhookRejected.FieldProblem("Entity", "is not a JSON document of a ticket")));
			}
		}
		if (entity == null || !entity.isObject()) {
			throw WebhookRejected.malformed(List.of(new WebhookRejected.FieldProblem("Entity", "is missing")));
		}
		return entity;
	}

}
