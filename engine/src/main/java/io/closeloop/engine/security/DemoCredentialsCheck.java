package io.closeloop.engine.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keeps the demo's credentials on the embedded database they were made for. The demo
 * profile brings users with plain-text passwords, an API key for every tenant and webhook
 * secrets anyone can read in this repository; on a database other than the embedded H2 (a
 * real installation) the application refuses to start with any of them, naming what to
 * configure. The check runs before any bean is created, so nothing is migrated or
 * listened on first.
 */
@Configuration(proxyBeanMethods = false)
class DemoCredentialsCheck {

	static final String DEMO_API_KEY = "demo-api-key";

	@Bean
	static BeanFactoryPostProcessor demoCredentialsOnlyOnTheEmbeddedDatabase(Environment environment) {
		return (beanFactory) -> {
			List<String> refusals = refusals(environment);
			if (!refusals.isEmpty()) {
				throw new IllegalStateException("Closeloop refuses to start on the database "
						+ scheme(environment.getProperty("spring.datasource.url")) + " with demo credentials: "
						+ String.join("; ", refusals)
						+ ". Configure real users and keys from the environment (docs/configuration.md, Secrets and users)");
			}
		};
	}

	/** What is wrong, one entry per finding; empty on the embedded database. */
	static List<String> refusals(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			return List.of();
		}
		List<String> refusals = new ArrayList<>();
		if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
			refusals.add("the demo profile is active (it is for the embedded database only: leave it out of "
					+ "spring.profiles.active)");
		}
		SecurityProperties security = Binder.get(environment)
			.bind("closeloop.security", Bindable.of(SecurityProperties.class))
			.orElseGet(() -> new SecurityProperties(null, null));
		for (SecurityProperties.User user : security.users()) {
			if (user.password() != null && user.password().isSet() && user.password().value().startsWith("{noop}")) {
				refusals.add("user " + user.username() + " has a {noop} (plain-text) password: give it a "
						+ "{bcrypt} hash");
			}
		}
		for (SecurityProperties.ApiKey key : security.apiKeys()) {
			if (key.key() != null && DEMO_API_KEY.equals(key.key().value())) {
				refusals.add("API key " + key.name() + " is the demo's (" + DEMO_API_KEY + "): set your own");
			}
		}
		return refusals;
	}

	private static String scheme(String url) {
		if (url == null) {
			return "(none)";
		}
		// The URL may carry a password: only its scheme is named.
		String[] parts = url.split(":", 3);
		return (parts.length >= 2) ? parts[0] + ":" + parts[1] : "(unnamed)";
	}

}
