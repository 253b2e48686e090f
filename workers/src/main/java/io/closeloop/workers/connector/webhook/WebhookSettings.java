package io.closeloop.workers.connector.webhook;

import java.util.List;
import java.util.Map;

import io.closeloop.workers.connector.Secret;

/**
 * One vendor's webhook, under {@code closeloop.webhooks.<vendor>}. A vendor without a
 * secret is not configured and is answered 404.
 *
 * @param secret the shared secret, signing key or password the vendor sends (or its
 * {@code sha256:<hex>} digest where allowed); from the environment
 * @param auth how the vendor authenticates; each vendor has a default and allows only
 * what it can send
 * @param username the user name of HTTP basic authentication (Halo)
 * @param tenants the vendor's organisation, site, client or company id, to the Closeloop
 * tenant its alerts belong to: the only tenants this vendor may post for
 * @param typeFields the payload fields whose values name the kind of alert, most telling
 * first; each value becomes a label, looked up in the rules' {@code types/} table. A
 * field may carry a prefix for its label: {@code subissue:Fields.SubIssueType} makes the
 * label {@code subissue.<value>}. Empty: the vendor's own choice.
 * @param startOn PSA callbacks only: the board (ConnectWise), queue (Autotask) or ticket
 * type (Halo) ids whose new tickets start a process
 */
public record WebhookSettings(Secret secret, WebhookAuth auth, String username, Map<String, String> tenants,
		List<String> typeFields, List<String> startOn) {

	public WebhookSettings {
		tenants = (tenants != null) ? Map.copyOf(tenants) : Map.of();
		typeFields = (typeFields != null) ? List.copyOf(typeFields) : List.of();
		startOn = (startOn != null) ? List.copyOf(startOn) : List.of();
	}

	/** Whether the vendor is configured at all: it has a secret. */
	public boolean configured() {
		return this.secret != null && this.secret.isSet();
	}

	/** The fields that carry the type: those configured, or else the vendor's own. */
	public List<String> typeFieldsOr(List<String> vendorDefault) {
		return this.typeFields.isEmpty() ? vendorDefault : this.typeFields;
	}

}
