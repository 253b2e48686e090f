package io.closeloop.workers.connector.connectwise;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.Signatures;

/**
 * ConnectWise PSA's callbacks ({@code POST /system/callbacks}, type Ticket). A ticket
 * {@code added} on one of the configured boards starts a process; every other callback is
 * acknowledged and ignored. ConnectWise signs the body: {@code x-content-signature} is
 * the Base64 HMAC-SHA256 of the body keyed with the SHA-256 of the callback's signing
 * key, so the key may be configured as that digest ({@code sha256:<hex>}) alone. Each
 * callback also names where its key is ({@code Metadata.key_url}): when the configured
 * key does not match, the key is fetched from there, but only from a configured host and
 * only for callbacks of the configured company ({@link CallbackSigningKeys}).
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

	private final CallbackSigningKeys keys;

	public ConnectWiseWebhook(ActiveRules rules, ObjectMapper json, CallbackSigningKeys keys) {
		this.rules = rules;
		this.json = json;
		this.keys = keys;
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
	public boolean signatureMatches(byte[] body, Map<String, String> headers, WebhookSettings settings) {
		String presented = headers.get(SIGNATURE_HEADER);
		if (presented == null || presented.isBlank()) {
			return false;
		}
		if (settings.hasSecret() && signedWith(SecretDigest.of(settings.secret()), body, presented)) {
			return true;
		}
		WebhookSettings.KeyUrl allowed = settings.keyUrl();
		if (allowed == null || !allowed.isSet()) {
			return false;
		}
		JsonNode callback = parsed(body);
		URI keyUrl = keyUrl(callback);
		if (keyUrl == null) {
			return false;
		}
		String company = textIgnoringCase(callback, "CompanyId");
		if (company == null || !company.equalsIgnoreCase(allowed.companyId())
				|| !namesCompanyOrNone(keyUrl, allowed.companyId())) {
			throw new WebhookRejected(WebhookRejected.Reason.UNAUTHENTICATED,
					"Not authenticated as connectwise: the callback is from company " + company
							+ ", not closeloop.webhooks.connectwise.key-url.company-id; its key was not fetched",
					List.of());
		}
		return this.keys.verify(keyUrl, allowed,
				(signingKey) -> signedWith(SecretDigest.sha256(signingKey), body, presented));
	}

	@Override
	public boolean fetchesSigningKeys() {
		return true;
	}

	@Override
	public String signatureHint() {
		return "Send the callback's signature in the " + SIGNATURE_HEADER + " header";
	}

	private static boolean signedWith(byte[] keyDigest, byte[] body, String presented) {
		return keyDigest.length > 0 && Signatures.matches(Signatures.hmac("HmacSHA256", keyDigest, body), presented);
	}

	/**
	 * The callback's JSON, or null when it is none: then only the configured key can sign
	 * it.
	 */
	private JsonNode parsed(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static URI keyUrl(JsonNode callback) {
		JsonNode metadata = fieldIgnoringCase(callback, "Metadata");
		String url = textIgnoringCase(metadata, "key_url");
		if (url == null) {
			return null;
		}
		try {
			return new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Whether the key URL names the company (as the {@code companyName} its key URLs
	 * carry), or names none.
	 */
	private static boolean namesCompanyOrNone(URI keyUrl, String company) {
		String query = keyUrl.getRawQuery();
		if (query == null) {
			return true;
		}
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals > 0) ? parameter.substring(0, equals) : parameter;
			if (name.equalsIgnoreCase("companyName")) {
				String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
				return value.equalsIgnoreCase(company);
			}
		}
		return true;
	}

	/**
	 * ConnectWise's field names are not reliably cased ({@code CompanyId},
	 * {@code CompanyID}).
	 */
	private static JsonNode fieldIgnoringCase(JsonNode object, String name) {
		if (object == null || !object.isObject()) {
			return null;
		}
		for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
			String candidate = names.next();
			if (candidate.equalsIgnoreCase(name)) {
				return object.get(candidate);
			}
		}
		return null;
	}

	private static String textIgnoringCase(JsonNode object, String name) {
		JsonNode value = fieldIgnoringCase(object, name);
		return (value != null && value.isValueNode() && !value.asText().isBlank()) ? value.asText().trim() : null;
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
		String device = ticket.optional("configurations.0.id");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), ticketId, tenant,
				new InboundAlert.Device((device != null) ? device : "ticket-" + ticketId,
						ticket.optional("configurations.0.deviceIdentifier"), null, null),
				this.rules.current()
					.alertType(vendor().name(), ticket.labels(settings.typeFieldsOr(TYPE_FIELDS)), "psa.ticket"),
				VendorWords.severity(ticket.optional("severity", "priority.name")),
				WebhookPayload.lines(ticket.optional("summary"), ticket.optional("initialDescription")), null, null));
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
