package io.closeloop.workers.connector.http;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Masks a connector's secrets in any text that leaves it (exception messages, vendor
 * error bodies, logs): vendors have been known to echo a rejected credential back.
 */
public final class Redactor {

	public static final String MASK = "****";

	private final List<String> secrets;

	public Redactor(String... secrets) {
		this.secrets = Arrays.stream(secrets).filter(Objects::nonNull).filter((secret) -> !secret.isBlank()).toList();
	}

	public String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text;
		for (String secret : this.secrets) {
			cleaned = cleaned.replace(secret, MASK);
		}
		return cleaned;
	}

	/** For configuration records' toString: whether a secret is set, never its value. */
	public static String mask(String secret) {
		return (secret == null || secret.isBlank()) ? "<unset>" : MASK;
	}

}
