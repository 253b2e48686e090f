package io.closeloop.engine.webhook;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vendors that may call {@code POST /api/webhooks/{vendor}}, under
 * {@code closeloop.webhooks.<vendor>}. A vendor without a secret is not configured and is
 * answered 404. Secrets come from the environment; each may be given as
 * {@code sha256:<hex>} where the vendor's authentication allows it.
 */
@ConfigurationProperties("closeloop.webhooks")
public record WebhookProperties(Vendor datto, Vendor ninjaone, Vendor tactical, Vendor connectwise, Vendor autotask,
		Vendor halo) {

	/** The settings of the vendor, or null when it is not configured. */
	Vendor of(String vendor) {
		Vendor settings = switch (vendor) {
			case DattoTranslator.NAME -> this.datto;
			case NinjaOneTranslator.NAME -> this.ninjaone;
			case TacticalTranslator.NAME -> this.tactical;
			case ConnectWiseTranslator.NAME -> this.connectwise;
			case AutotaskTranslator.NAME -> this.autotask;
			case HaloTranslator.NAME -> this.halo;
			default -> null;
		};
		return (settings != null && settings.configured()) ? settings : null;
	}

	/**
	 * One vendor's webhook.
	 *
	 * @param secret the shared secret, signing key or password the vendor sends (or its
	 * {@code sha256:<hex>} digest where allowed)
	 * @param auth how the vendor authenticates; each vendor has a default and allows only
	 * what it can send
	 * @param username the user name of HTTP basic authentication (Halo)
	 * @param tenants the vendor's organisation, site, client or company id, to the
	 * Closeloop tenant its alerts belong to: the only tenants this vendor may post for
	 * @param types the vendor's alert type, category, check or ticket type (lower case,
	 * words joined by dots) to the alert type the rules know; what is not listed is
	 * looked up in the vendor's built-in table, then passed through
	 * @param startOn PSA callbacks only: the board (ConnectWise), queue (Autotask) or
	 * ticket type (Halo) ids whose new tickets start a process
	 */
	public record Vendor(String secret, WebhookAuth auth, String username, Map<String, String> tenants,
			Map<String, String> types, List<String> startOn) {

		public Vendor {
			tenants = (tenants != null) ? Map.copyOf(tenants) : Map.of();
			types = (types != null) ? Map.copyOf(types) : Map.of();
			startOn = (startOn != null) ? List.copyOf(startOn) : List.of();
		}

		boolean configured() {
			return this.secret != null && !this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "Vendor[secret=" + (configured() ? "******" : "none") + ", auth=" + this.auth + ", username="
					+ this.username + ", tenants=" + this.tenants + ", types=" + this.types + ", startOn="
					+ this.startOn + "]";
		}

	}

}
