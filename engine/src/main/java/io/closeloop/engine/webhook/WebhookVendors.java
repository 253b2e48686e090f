package io.closeloop.engine.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.closeloop.engine.security.SecretDigest;

/**
 * The vendors Closeloop takes webhooks from, each with its settings. Checks the settings
 * at startup, so a vendor configured with a way of authenticating it cannot send (or a
 * secret in a form its signature cannot use) stops the application with the reason
 * instead of refusing every call later.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookVendors {

	private final Map<String, VendorTranslator> translators = new LinkedHashMap<>();

	private final WebhookProperties properties;

	WebhookVendors(List<VendorTranslator> translators, WebhookProperties properties) {
		translators.forEach((translator) -> this.translators.put(translator.name(), translator));
		this.properties = properties;
		List<String> problems = new ArrayList<>();
		for (VendorTranslator translator : translators) {
			WebhookProperties.Vendor settings = properties.of(translator.name());
			if (settings != null) {
				problems.addAll(check(translator, settings));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid webhook configuration: " + String.join("; ", problems));
		}
	}

	/** The vendor and its settings, when the vendor is known and configured. */
	Optional<Configured> find(String vendor) {
		VendorTranslator translator = this.translators.get(vendor);
		WebhookProperties.Vendor settings = (translator != null) ? this.properties.of(vendor) : null;
		return (settings != null) ? Optional.of(new Configured(translator, settings, authOf(translator, settings)))
				: Optional.empty();
	}

	private static WebhookAuth authOf(VendorTranslator translator, WebhookProperties.Vendor settings) {
		return (settings.auth() != null) ? settings.auth() : translator.auths().get(0);
	}

	private static List<String> check(VendorTranslator translator, WebhookProperties.Vendor settings) {
		String prefix = "closeloop.webhooks." + translator.name();
		List<String> problems = new ArrayList<>();
		WebhookAuth auth = authOf(translator, settings);
		if (!translator.auths().contains(auth)) {
			problems.add(prefix + ".auth: " + translator.name() + " can authenticate only with " + translator.auths());
		}
		if (auth == WebhookAuth.BASIC && (settings.username() == null || settings.username().isBlank())) {
			problems.add(prefix + ".username is required with basic authentication");
		}
		if (translator instanceof AutotaskTranslator && SecretDigest.isDigest(settings.secret())) {
			problems.add(prefix + ".secret: Autotask signs with the secret key itself, so it cannot be given as "
					+ SecretDigest.PREFIX + "<hex>");
		}
		if (settings.tenants().isEmpty()) {
			problems
				.add(prefix + ".tenants maps no " + translator.name() + " id to a tenant, so every alert is refused");
		}
		return problems;
	}

	/** A configured vendor: how it translates, its settings and how it authenticates. */
	record Configured(VendorTranslator translator, WebhookProperties.Vendor settings, WebhookAuth auth) {

	}

}
