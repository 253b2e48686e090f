package io.closeloop.workers.connector.connectwise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What Closeloop writes into a ticket's {@code externalXRef} (at most 100 characters):
 * {@code closeloop/<device>/<idempotency key>}. The key finds the ticket a step already
 * opened; the device part finds the open tickets for a device. A part that is too long or
 * holds characters a ConnectWise condition would need escaped is replaced by a short
 * digest of itself, so the same input always gives the same reference.
 */
final class ExternalReference {

	static final int MAX_LENGTH = 100;

	private static final String PREFIX = "closeloop/";

	private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,48}");

	private ExternalReference() {
	}

	/** The reference of a ticket opened for the device under the key. */
	static String of(String deviceId, String idempotencyKey) {
		return devicePrefix(deviceId) + part(idempotencyKey, KEY, 24);
	}

	/** What every reference for the device starts with. */
	static String devicePrefix(String deviceId) {
		String device = (deviceId == null || deviceId.isBlank()) ? "none" : part(deviceId, DEVICE, 16);
		return PREFIX + device + "/";
	}

	private static String part(String value, Pattern allowed, int digestLength) {
		if (allowed.matcher(value).matches()) {
			return value;
		}
		return "h-" + HexFormat.of().formatHex(sha256(value)).substring(0, digestLength);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
