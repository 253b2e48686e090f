package io.closeloop.workers.connector.connectwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.Signatures;

/**
 * ConnectWise's callback signature, checked in constant time with the signing key or its
 * digest.
 */
class ConnectWiseWebhookSignatureTests {

	@Test
	void shouldCheckAConnectWiseSignatureWithTheKeyOrItsDigest() throws Exception {
		ConnectWiseWebhook connectwise = new ConnectWiseWebhook(mock(ActiveRules.class), new ObjectMapper());
		byte[] body = "{\"Action\":\"added\"}".getBytes(StandardCharsets.UTF_8);
		byte[] keyDigest = SecretDigest.sha256("signing-key");
		String signature = Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA256", keyDigest, body));
		Map<String, String> headers = Map.of("x-content-signature", signature);

		assertThat(connectwise.signatureMatches(body, headers, new Secret("signing-key"))).isTrue();
		assertThat(connectwise.signatureMatches(body, headers,
				new Secret("sha256:" + HexFormat.of().formatHex(keyDigest))))
			.isTrue();
		assertThat(connectwise.signatureMatches(body, headers, new Secret("another-key"))).isFalse();
		assertThat(
				connectwise.signatureMatches("{}".getBytes(StandardCharsets.UTF_8), headers, new Secret("signing-key")))
			.isFalse();
		assertThat(connectwise.signatureMatches(body, Map.of("x-content-signature", "not base64!"),
				new Secret("signing-key")))
			.isFalse();
	}

}
