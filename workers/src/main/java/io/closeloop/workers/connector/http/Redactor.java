package io.closeloop.workers.connector.http;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.closeloop.workers.connector.Secret;

/**
 * Masks a connector's secrets in any text that leaves it (exception messages, vendor
 * error bodies, logs): vendors have been known to echo a rejected credential back.
 */
public final class Redactor {

	public static final String MASK = "****";

	private final List<String> secrets;

	public Redactor(Secret... secrets) {
		this.secrets = Arrays.stream(secrets)
			.filter(Objects::nonNull)
			.filter(Secret::isSet)
			.map(Secret::value)
			.toList();
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

}
