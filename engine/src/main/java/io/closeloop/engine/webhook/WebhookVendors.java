package io.closeloop.engine.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.VendorWebhook;
import io.closeloop.workers.connector.webhook.WebhookAuth;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * The vendors Closeloop takes webhooks from, each with its settings. Checks the settings
 * at startup, so a vendor configured with a way of authenticating it cannot send (or a
 * secret in a form its signature cannot use) stops the application with the reason
 * instead of refusing every call later.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookVendors {

	private final Map<String, VendorWebhook> webhooks = new LinkedHashMap<>();

	private final WebhookProperties properties;

	WebhookVendors(List<VendorWebhook> webhooks, WebhookProperties properties) {
		webhooks.forEach((webhook) -> this.webhooks.put(webhook.vendor().name(), webhook));
		this.properties = properties;
		List<String> problems = new ArrayList<>();
		for (String vendor : properties.webhooks().keySet()) {
			if (!this.webhooks.containsKey(vendor)) {
				problems.add("closeloop.webhooks." + vendor + ": no such vendor; known: " + this.webhooks.keySet());
			}
		}
		for (VendorWebhook webhook : webhooks) {
			WebhookSettings settings = properties.of(webhook.vendor().name());
			if (settings != null) {
				problems.addAll(check(webhook, settings));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid webhook configuration: " + String.join("; ", problems));
		}
	}

	/** The vendor and its settings, when the vendor is known and configured. */
	Optional<Configured> find(String vendor) {
		VendorWebhook webhook = this.webhooks.get(vendor);
		WebhookSettings settings = (webhook != null) ? this.properties.of(vendor) : null;
		return (settings != null) ? Optional.of(new Configured(webhook, settings, authOf(webhook, settings)))
				: Optional.empty();
	}

	private static WebhookAuth authOf(VendorWebhook translator, WebhookSettings settings) {
		return (settings.auth() != null) ? settings.auth() : translator.auths().get(0);
	}

	private static List<String> check(VendorWebhook translator, WebhookSettings settings) {
		String name = translator.vendor().name();
		String prefix = "closeloop.webhooks." + name;
		List<String> problems = new ArrayList<>();
		WebhookAuth auth = authOf(translator, settings);
		if (!translator.auths().contains(auth)) {
			problems.add(prefix + ".auth: " + name + " can authenticate only with " + translator.auths());
		}
		if (auth == WebhookAuth.BASIC && (settings.username() == null || settings.username().isBlank())) {
			problems.add(prefix + ".username is required with basic authentication");
		}
		if (!translator.takesDigestSecret() && SecretDigest.isDigest(settings.secret())) {
			problems.add(prefix + ".secret: " + translator.vendor().displayName()
					+ " signs with the secret itself, so it cannot be given as " + SecretDigest.PREFIX + "<hex>");
		}
		WebhookSettings.KeyUrl keyUrl = settings.keyUrl();
		if (keyUrl != null && keyUrl.isSet()) {
			if (!translator.fetchesSigningKeys()) {
				problems.add(prefix + ".key-url: " + translator.vendor().displayName()
						+ " does not name signing keys to fetch; configure its secret");
			}
			else {
				problems.addAll(checkKeyUrl(prefix + ".key-url", keyUrl));
			}
		}
		if (settings.tenants().isEmpty()) {
			problems.add(prefix + ".tenants maps no " + name + " id to a tenant, so every alert is refused");
		}
		return problems;
	}

	/**
	 * Keys are fetched only from hosts named plainly (https on its default port) or from
	 * whole https origins (http only if spelled out, for a test), and only for one
	 * company's calls.
	 */
	private static List<String> checkKeyUrl(String prefix, WebhookSettings.KeyUrl keyUrl) {
		List<String> problems = new ArrayList<>();
		for (String host : keyUrl.hosts()) {
			String entry = host.trim();
			URI origin;
			try {
				origin = URI.create(entry.contains("://") ? entry : "https://" + entry);
			}
			catch (IllegalArgumentException ex) {
				problems.add(prefix + ".hosts: '" + host + "' is not a host name or an origin");
				continue;
			}
			boolean bareOrigin = (origin.getRawPath() == null || origin.getRawPath().isEmpty())
					&& origin.getRawQuery() == null && origin.getRawFragment() == null
					&& origin.getRawUserInfo() == null;
			if (origin.getHost() == null || !bareOrigin
					|| !("https".equals(origin.getScheme()) || "http".equals(origin.getScheme()))) {
				problems.add(prefix + ".hosts: '" + host
						+ "' must be a host name (api-na.myconnectwise.net) or an origin (https://cw.example.com:8443)"
						+ " without a path");
			}
		}
		if (keyUrl.companyId() == null || keyUrl.companyId().isBlank()) {
			problems.add(prefix + ".company-id must name the company whose callbacks the fetched keys sign"
					+ " (the CompanyId of its callbacks, the company you log in with)");
		}
		return problems;
	}

	/** A configured vendor: how it translates, its settings and how it authenticates. */
	record Configured(VendorWebhook webhook, WebhookSettings settings, WebhookAuth auth) {

	}

}
