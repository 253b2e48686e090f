package io.closeloop.workers.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Secrets compared as SHA-256 digests, in constant time. A configured secret may be given
 * as its digest only ({@code sha256:<hex>}), so the secret itself need not be stored; the
 * digest itself is then no secret a caller can present.
 */
public final class SecretDigest {

	/** How a configured secret says it is a digest, not the secret. */
	public static final String PREFIX = "sha256:";

	private SecretDigest() {
	}

	/**
	 * Whether the presented secret is the configured one. Both sides are compared as
	 * digests: equal lengths, whatever was presented.
	 */
	public static boolean matches(String presented, Secret configured) {
		if (presented == null || configured == null || !configured.isSet()) {
			return false;
		}
		return MessageDigest.isEqual(sha256(presented), of(configured));
	}

	/**
	 * The digest of a configured secret: the hex after {@code sha256:}, or the digest of
	 * the secret given plainly. A digest that is not hex matches nothing rather than
	 * everything.
	 */
	public static byte[] of(Secret configured) {
		String value = configured.value();
		if (isDigest(configured)) {
			try {
				return HexFormat.of().parseHex(value.substring(PREFIX.length()).trim());
			}
			catch (IllegalArgumentException ex) {
				return new byte[0];
			}
		}
		return sha256(value);
	}

	public static boolean isDigest(Secret configured) {
		return configured != null && configured.isSet() && configured.value().startsWith(PREFIX);
	}

	public static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
