package io.closeloop.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.engine.alert.AlertRequest;

/**
 * Autotask PSA's ticket webhooks ({@code TicketWebhooks}). A ticket created in one of the
 * configured queues starts a process; updates, deletions and other queues are
 * acknowledged and ignored. Autotask signs the body with the webhook's SecretKey:
 * {@code X-Hook-Signature: sha1=<HMAC-SHA1>}. Autotask sends only the fields added to the
 * webhook ({@code TicketWebhookFields}): QueueID, CompanyID, Title and Description are
 * needed, IssueType, SubIssueType, Priority and ConfigurationItemID used when present.
 */
@Component
class AutotaskTranslator implements VendorTranslator {

	static final String NAME = "autotask";

	static final String SIGNATURE_HEADER = "x-hook-signature";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<WebhookAuth> auths() {
		return List.of(WebhookAuth.SIGNATURE);
	}

	@Override
	public boolean signatureMatches(byte[] body, Map<String, String> headers, String secret) {
		String presented = headers.get(SIGNATURE_HEADER);
		if (presented == null) {
			return false;
		}
		String signature = presented.regionMatches(true, 0, "sha1=", 0, 5) ? presented.substring(5) : presented;
		return Signatures.matches(Signatures.hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), body),
				signature);
	}

	@Override
	public String signatureHint() {
		return "Send the webhook's signature in the X-Hook-Signature header (sha1=...)";
	}

	@Override
	public WebhookDelivery translate(JsonNode body, WebhookProperties.Vendor settings) {
		Payload webhook = Payload.of(body);
		String action = webhook.required("Action");
		String entity = webhook.required("EntityType");
		String ticketId = webhook.required("Id");
		webhook.check();
		if (!"ticket".equalsIgnoreCase(entity)) {
			return new WebhookDelivery.Ignore("a webhook for " + entity + ", not for a ticket");
		}
		if (!"create".equalsIgnoreCase(action)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " was " + action + "d, not created");
		}
		String queue = webhook.required("Fields.QueueID");
		String company = webhook.required("Fields.CompanyID");
		String title = webhook.required("Fields.Title");
		webhook.check();
		if (!settings.startOn().contains(queue)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " is in queue " + queue
					+ ", which does not start a process; queues that do: " + settings.startOn());
		}
		String tenant = settings.tenants().get(company);
		if (tenant == null) {
			throw WebhookRejected.unmapped(NAME, "Fields.CompanyID", company);
		}
		String description = webhook.optional("Fields.Description");
		String configurationItem = webhook.optional("Fields.ConfigurationItemID");
		String subIssue = webhook.optional("Fields.SubIssueType");
		String issue = webhook.optional("Fields.IssueType");
		return new WebhookDelivery.Raise(new AlertRequest(NAME, ticketId, tenant,
				new AlertRequest.Device((configurationItem != null) ? configurationItem : "ticket-" + ticketId, null,
						null, null),
				AlertTypes.resolve(settings.types(), Map.of(), "psa.ticket",
						(subIssue != null) ? "subissue." + subIssue : null, (issue != null) ? "issue." + issue : null),
				"warning", Payload.clip((description != null) ? title + "\n" + description : title), null, null));
	}

}
