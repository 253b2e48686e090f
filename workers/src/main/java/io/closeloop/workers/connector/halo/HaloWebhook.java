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
		String ticketId = ticket.required("id");
		String ticketType = ticket.required("tickettype_id");
		String client = ticket.required("client_id");
		String summary = ticket.required("summary");
		ticket.check();
		if (!settings.startOn().contains(ticketType)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " is of ticket type " + ticketType
					+ ", which does not start a process; ticket types that do: " + settings.startOn());
		}
		String tenant = settings.tenants().get(client);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "client_id", client);
		}
		String details = ticket.optional("details");
		String asset = ticket.optional("assets.0.id");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), ticketId, tenant,
				new InboundAlert.Device((asset != null) ? asset : "ticket-" + ticketId,
						ticket.optional("assets.0.inventory_number"), null, null),
				this.rules.current()
					.alertType(vendor().name(), ticket.labels(settings.typeFieldsOr(TYPE_FIELDS)), "psa.ticket"),
				VendorWords.severity(ticket.optional("priority_name")),
				WebhookPayload.clip((details != null) ? summary + "\n" + details : summary), null, null));
	}

	private static boolean isNewTicket(String event) {
		String lower = event.toLowerCase(Locale.ROOT);
		return lower.contains("new") || lower.contains("creat") || lower.contains("logged");
	}

}
