package io.closeloop.engine.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.engine.alert.AlertRequest;

/**
 * HaloPSA's webhooks. A new ticket of one of the configured ticket types starts a
 * process; other tickets and events are acknowledged and ignored. The ticket is read at
 * the top level of the payload or under {@code ticket}, with Halo's API field names
 * ({@code id}, {@code summary}, {@code details}, {@code tickettype_id},
 * {@code client_id}); an {@code event} naming anything but a new ticket is ignored. Halo
 * authenticates with HTTP basic authentication (or a custom header).
 */
@Component
class HaloTranslator implements VendorTranslator {

	static final String NAME = "halo";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.BASIC, WebhookAuth.HEADER);
	}

	@Override
	public WebhookDelivery translate(JsonNode body, WebhookProperties.Vendor settings) {
		Payload webhook = Payload.of(body);
		String event = webhook.optional("event", "event_name");
		if (event != null && !isNewTicket(event)) {
			return new WebhookDelivery.Ignore("event " + event + " is not a new ticket");
		}
		JsonNode nested = webhook.node("ticket");
		Payload ticket = (nested != null) ? Payload.of(nested, "ticket") : webhook;
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
			throw WebhookRejected.unmapped(NAME, "client_id", client);
		}
		String details = ticket.optional("details");
		String asset = ticket.optional("assets.0.id");
		return new WebhookDelivery.Raise(new AlertRequest(NAME, ticketId, tenant,
				new AlertRequest.Device((asset != null) ? asset : "ticket-" + ticketId,
						ticket.optional("assets.0.inventory_number"), null, null),
				AlertTypes.resolve(settings.types(), Map.of(), "psa.ticket", ticket.optional("category_1"),
						ticket.optional("tickettype_name")),
				AlertTypes.severity(ticket.optional("priority_name")),
				Payload.clip((details != null) ? summary + "\n" + details : summary), null, null));
	}

	private static boolean isNewTicket(String event) {
		String lower = event.toLowerCase(Locale.ROOT);
		return lower.contains("new") || lower.contains("creat") || lower.contains("logged");
	}

}
