package io.closeloop.workers.connector.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.webhook.Signatures;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/** Autotask's webhook signature, in Base64 or hex, checked in constant time. */
class AutotaskWebhookSignatureTests {

	@Test
	void shouldCheckAnAutotaskSignatureInBase64OrHex() {
		AutotaskWebhook autotask = new AutotaskWebhook(mock(ActiveRules.class));
		byte[] body = "{\"Id\":1}".getBytes(StandardCharsets.UTF_8);
		byte[] mac = Signatures.hmac("HmacSHA1", "secret".getBytes(StandardCharsets.UTF_8), body);

		assertThat(autotask.signatureMatches(body,
				Map.of("x-hook-signature", "sha1=" + Base64.getEncoder().encodeToString(mac)), settings("secret")))
			.isTrue();
		assertThat(autotask.signatureMatches(body, Map.of("x-hook-signature", "sha1=" + HexFormat.of().formatHex(mac)),
				settings("secret")))
			.isTrue();
		assertThat(autotask.signatureMatches(body, Map.of(), settings("secret"))).isFalse();
		assertThat(autotask.signatureMatches(body,
				Map.of("x-hook-signature", "sha1=" + Base64.getEncoder().encodeToString(mac)), settings("other")))
			.isFalse();
	}

	private static WebhookSettings settings(String secret) {
		return new WebhookSettings(new Secret(secret), null, null, Map.of("175", "acme"), null, null, null);
	}

}
