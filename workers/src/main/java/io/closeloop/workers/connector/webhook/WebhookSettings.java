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
 * type (Halo) ids whose new tickets start a process; Halo's may also be ticket type
 * names, for a webhook that sends display values instead of ids
 * @param keyUrl for a vendor that names the URL of its signing key in each call
 * (ConnectWise's {@code Metadata.key_url}): where such a key may be fetched from
 */
public record WebhookSettings(Secret secret, WebhookAuth auth, String username, Map<String, String> tenants,
		List<String> typeFields, List<String> startOn, KeyUrl keyUrl) {

	public WebhookSettings {
		tenants = (tenants != null) ? Map.copyOf(tenants) : Map.of();
		typeFields = (typeFields != null) ? List.copyOf(typeFields) : List.of();
		startOn = (startOn != null) ? List.copyOf(startOn) : List.of();
	}

	/**
	 * Whether the vendor is configured at all: it has a secret, or a place to fetch its
	 * signing keys from.
	 */
	public boolean configured() {
		return hasSecret() || (this.keyUrl != null && this.keyUrl.isSet());
	}

	/** Whether a secret is configured. */
	public boolean hasSecret() {
		return this.secret != null && this.secret.isSet();
	}

	/** The fields that carry the type: those configured, or else the vendor's own. */
	public List<String> typeFieldsOr(List<String> vendorDefault) {
		return this.typeFields.isEmpty() ? vendorDefault : this.typeFields;
	}

	/**
	 * Where a signing key named in a call may be fetched from. A URL naming any other
	 * place is never fetched: the payload is not trusted before its signature is checked.
	 *
	 * @param hosts the hosts a key is fetched from over https on its default port
	 * ({@code api-na.myconnectwise.net}), or whole origins
	 * ({@code https://cw.example.com:8443}) for a server of your own
	 * @param companyId the company whose calls these keys sign (ConnectWise's
	 * {@code CompanyId}, the company you log in with): on a host many companies share, a
	 * key another company fetched signs only that company's calls, which are refused
	 */
	public record KeyUrl(List<String> hosts, String companyId) {

		public KeyUrl {
			hosts = (hosts != null) ? hosts.stream().filter((host) -> !host.isBlank()).toList() : List.of();
		}

		/** Whether any host is configured. */
		public boolean isSet() {
			return !this.hosts.isEmpty();
		}

	}

}
