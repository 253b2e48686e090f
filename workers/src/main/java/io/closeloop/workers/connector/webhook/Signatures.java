package io.closeloop.workers.connector.webhook;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of webhook bodies, compared in constant time on the decoded bytes.
 */
public final class Signatures {

	private Signatures() {
	}

	public static byte[] hmac(String algorithm, byte[] key, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC " + algorithm + " is not available", ex);
		}
	}

	/**
	 * Whether the presented signature, in Base64 or hex, is the expected one. A signature
	 * in neither encoding matches nothing.
	 */
	public static boolean matches(byte[] expected, String presented) {
		if (presented == null || presented.isBlank()) {
			return false;
		}
		String value = presented.trim();
		return MessageDigest.isEqual(expected, decode(value, true))
				|| MessageDigest.isEqual(expected, decode(value, false));
	}

	private static byte[] decode(String value, boolean base64) {
		try {
			return base64 ? Base64.getDecoder().decode(value) : HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

}
