package io.closeloop.workers.connector;

/**
 * A password, key or token from the configuration. Its text never shows in a
 * {@code toString}, so a configuration record holding one can be logged whole. Bound from
 * a plain string ({@code closeloop.rmm.datto.api-secret: ${DATTO_API_SECRET}}).
 */
public record Secret(String value) {

	/** What shows instead of a secret's text. */
	public static final String MASK = "******";

	/** Whether a secret was given at all. */
	public boolean isSet() {
		return this.value != null && !this.value.isBlank();
	}

	/** The secret's text, or null when none was given. */
	public static String valueOf(Secret secret) {
		return (secret != null) ? secret.value() : null;
	}

	@Override
	public String toString() {
		return isSet() ? MASK : "<unset>";
	}

}
