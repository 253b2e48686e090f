package io.closeloop.workers.connector.autotask;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.VendorWebhook;
import io.closeloop.workers.connector.webhook.WebhookAuth;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookPayload;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;
import io.closeloop.workers.connector.webhook.Signatures;

/**
 * Autotask PSA's ticket webhooks ({@code TicketWebhooks}). A ticket created in one of the
 * configured queues starts a process; updates, deletions and other queues are
 * acknowledged and ignored. Autotask signs the body with the webhook's SecretKey:
 * {@code X-Hook-Signature: sha1=<HMAC-SHA1>}. Autotask sends only the fields added to the
 * webhook ({@code TicketWebhookFields}): QueueID and CompanyID are needed; Title,
 * Description, IssueType, SubIssueType and ConfigurationItemID are used when present.
 * <p>
 * No public delivery pins down how Autotask spells the names inside {@code Fields}, so
 * every name is matched whatever its case, and the older (SOAP) name of a field is taken
 * where the REST one is missing: {@code AccountID} for the company,
 * {@code InstalledProductID} for the configuration item.
 */
@Component
public class AutotaskWebhook implements VendorWebhook {

	/**
	 * The payload fields that name the kind of alert, unless the settings name others.
	 */
	static final List<String> TYPE_FIELDS = List.of("subissue:Fields.SubIssueType", "issue:Fields.IssueType");

	static final String SIGNATURE_HEADER = "x-hook-signature";

	private final ActiveRules rules;

	public AutotaskWebhook(ActiveRules rules) {
		this.rules = rules;
	}

	@Override
	public Vendor vendor() {
		return AutotaskApi.VENDOR;
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
		if (presented == null || !settings.hasSecret()) {
			return false;
		}
		String signature = presented.regionMatches(true, 0, "sha1=", 0, 5) ? presented.substring(5) : presented;
		return Signatures.matches(
				Signatures.hmac("HmacSHA1", settings.secret().value().getBytes(StandardCharsets.UTF_8), body),
				signature);
	}

	/** Autotask keys its HMAC with the secret key itself, not a digest of it. */
	@Override
	public boolean takesDigestSecret() {
		return false;
	}

	@Override
	public String signatureHint() {
		return "Send the webhook's signature in the X-Hook-Signature header (sha1=...)";
	}

	@Override
	public WebhookDelivery translate(JsonNode body, WebhookSettings settings) {
		WebhookPayload webhook = WebhookPayload.ignoringCase(body);
		String action = webhook.required("Action");
		String entity = webhook.required("EntityType");
		String ticketId = webhook.required("Id");
		webhook.check();
		if (!isTicket(entity)) {
			return new WebhookDelivery.Ignore("a webhook for " + entity + ", not for a ticket");
		}
		if (!"create".equalsIgnoreCase(action)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " was " + action + "d, not created");
		}
		String queue = webhook.required("Fields.QueueID");
		String company = webhook.requiredAny("Fields.CompanyID", "Fields.AccountID");
		webhook.check();
		if (!settings.startOn().contains(queue)) {
			return new WebhookDelivery.Ignore("ticket " + ticketId + " is in queue " + queue
					+ ", which does not start a process; queues that do: " + settings.startOn());
		}
		String tenant = settings.tenants().get(company);
		if (tenant == null) {
			throw WebhookRejected.unmapped(vendor().name(), "Fields.CompanyID", company);
		}
		String configurationItem = webhook.optional("Fields.ConfigurationItemID", "Fields.InstalledProductID");
		return new WebhookDelivery.Raise(new InboundAlert(vendor().name(), ticketId, tenant,
				new InboundAlert.Device((configurationItem != null) ? configurationItem : "ticket-" + ticketId, null,
						null, null),
				this.rules.current()
					.alertType(vendor().name(), webhook.labels(settings.typeFieldsOr(TYPE_FIELDS)), "psa.ticket"),
				"warning",
				WebhookPayload.lines(webhook.optional("Fields.Title"), webhook.optional("Fields.Description")), null,
				null));
	}

	/**
	 * Autotask names the entity in the singular; the plural is its REST entity's name.
	 */
	private static boolean isTicket(String entity) {
		return "ticket".equalsIgnoreCase(entity) || "tickets".equalsIgnoreCase(entity);
	}

}
