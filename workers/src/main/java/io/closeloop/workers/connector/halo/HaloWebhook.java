package io.closeloop.workers.connector.halo;

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
 * HaloPSA's webhooks. A new ticket of one of the configured ticket types starts a
 * process; other tickets and events are acknowledged and ignored. The ticket is read at
 * the top level of the payload or under {@code ticket}, with Halo's API field names
 * ({@code id}, {@code summary}, {@code details}, {@code tickettype_id},
 * {@code client_id}); an {@code event} naming anything but a new ticket is ignored. Halo
 * authenticates with HTTP basic authentication (or a custom header).
 * <p>
 * A Halo webhook can be set to send a field's display value instead of its id, so the
 * ticket type and the client are taken either way: an id matches a configured id, a name
 * ({@code tickettype_name}, {@code client_name}, or a name where the id should be)
 * matches a configured name whatever its case. A ticket type or client that matches
 * nothing because it came as a name where only ids are configured is refused (422, naming
 * it and the setting to add), never ignored unseen.
 */
@Component
public class HaloWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("category_1", "tickettype_name");

	private final ActiveRules rules;

	public HaloWebhook(ActiveRules rules) {
		this.rules = rules;
	}

	@Override
	public Vendor vendor() {
		return HaloApi.VENDOR;
	}

	@Override
	public boolean isPsa() {
		return true;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.BASIC, WebhookAuth.HEADER);
	}

	@Override
	public WebhookDelivery translate(JsonNode body, WebhookSettings settings) {
		WebhookPayload webhook = WebhookPayload.of(body);
		String event = webhook.optional("event", "event_name");
		if (event != null && !isNewTicket(event)) {
			return new WebhookDelivery.Ignore("event " + event + " is not a new ticket");
		}
		JsonNode nested = webhook.node("ticket");
		WebhookPayload ticket = (nested != null) ? WebhookPayload.of(nested, "ticket") : webhook;
		String field = (nested != null) ? "ticket." : "";
		String ticketId = ticket.required("id");
		ticket.requiredAny("tickettype_id", "tickettype_name");
		ticket.requiredAny("client_id", "client_name");
		ticket.check();
		IdOrName type = IdOrName.of(ticket.optional("tickettype_id"), ticket.optional("tickettype_name"));
		IdOrName client = IdOrName.of(ticket.optional("client_id"), ticket.optional("client_name"));
		if (settings.startOn().stream().noneMatch(type::matches)) {
			if (type.id() == null && settings.startOn().stream().allMatch(IdOrName::isId)) {
				throw namedWhereIdsAreConfigured(field + "tickettype_id", "ticket type", type, "start-on",
						"add the name to closeloop.webhooks.halo.start-on");
			}
			return new WebhookDelivery.Ignore("ticket " + ticketId + " is of ticket type " + type
					+ ", which does not start a process; ticket types that do: " + settings.startOn());
		}
		String tenant = tenant(settings.tenants(), client);
		if (tenant == null) {
			if (client.id() == null) {
				throw namedWhereIdsAreConfigured(field + "client_id", "client", client, "tenants",
						"map it in closeloop.webhooks.halo.tenants (\"[" + client.name() + "]\": <tenant>)");
			}
			throw WebhookRejected.unmapped(vendor().name(), "client_id", client.id());
		}
		String asset = ticket.optional("assets.0.id");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), ticketId, tenant,
				new InboundAlert.Device((asset != null) ? asset : "ticket-" + ticketId,
						ticket.optional("assets.0.inventory_number"), null, null),
				this.rules.current()
					.alertType(vendor().name(), ticket.labels(settings.typeFieldsOr(TYPE_FIELDS)), "psa.ticket"),
				VendorWords.severity(ticket.optional("priority_name")),
				WebhookPayload.lines(ticket.optional("summary"), ticket.optional("details")), null, null));
	}

	/** The tenant of the client: by its id first, then by its name. */
	private static String tenant(Map<String, String> tenants, IdOrName client) {
		if (client.id() != null && tenants.containsKey(client.id())) {
			return tenants.get(client.id());
		}
		return tenants.entrySet()
			.stream()
			.filter((entry) -> client.name() != null && client.name().equalsIgnoreCase(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private WebhookRejected namedWhereIdsAreConfigured(String field, String what, IdOrName value, String setting,
			String remedy) {
		return new WebhookRejected(WebhookRejected.Reason.UNMAPPED,
				"Halo sent the " + what + " as its display value " + value
						+ ", not its id, and closeloop.webhooks.halo." + setting + " lists ids only: " + remedy
						+ ", or set the webhook to send ids",
				List.of(new WebhookRejected.FieldProblem(field,
						value + " is a display value; " + setting + " lists ids only")));
	}

	private static boolean isNewTicket(String event) {
		String lower = event.toLowerCase(Locale.ROOT);
		return lower.contains("new") || lower.contains("creat") || lower.contains("logged");
	}

	/**
	 * A ticket type or client as Halo sent it: its id, its display name, or both.
	 *
	 * @param id the numeric id, if one was sent
	 * @param name the display name, if one was sent (in its own field, or where the id
	 * should be)
	 */
	record IdOrName(String id, String name) {

		static IdOrName of(String idField, String nameField) {
			boolean isId = isId(idField);
			return new IdOrName(isId ? idField : null, (nameField != null) ? nameField : (isId ? null : idField));
		}

		static boolean isId(String value) {
			return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
		}

		/** Whether a configured id or name is this one. */
		boolean matches(String configured) {
			return (this.id != null && this.id.equals(configured))
					|| (this.name != null && this.name.equalsIgnoreCase(configured.trim()));
		}

		@Override
		public String toString() {
			if (this.id == null) {
				return "'" + this.name + "'";
			}
			return (this.name != null) ? this.id + " (" + this.name + ")" : this.id;
		}

	}

}
