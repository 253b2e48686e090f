package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.engine.security.SecretDigest;

/**
 * Which vendors are configured, what configuration is refused at startup, and the
 * signatures checked in constant time.
 */
class WebhookVendorsTests {

	private static final Map<String, String> TENANTS = Map.of("1", "acme");

	private final List<VendorTranslator> translators = List.of(new DattoTranslator(), new NinjaOneTranslator(),
			new TacticalTranslator(), new ConnectWiseTranslator(new ObjectMapper()), new AutotaskTranslator(),
			new HaloTranslator());

	@Test
	void shouldKnowOnlyVendorsWithASecret() {
		WebhookVendors vendors = new WebhookVendors(this.translators,
				new WebhookProperties(vendor("t0ken", null), vendor(" ", null), null, null, null, null));

		assertThat(vendors.find("datto"))
			.hasValueSatisfying((datto) -> assertThat(datto.auth()).isEqualTo(WebhookAuth.QUERY));
		assertThat(vendors.find("ninjaone")).isEmpty();
		assertThat(vendors.find("tactical")).isEmpty();
		assertThat(vendors.find("kaseya")).isEmpty();
	}

	@Test
	void shouldRefuseAWayOfAuthenticatingTheVendorCannotUse() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new WebhookVendors(this.translators,
					new WebhookProperties(vendor("t", WebhookAuth.HEADER), null, null, null, null, null)))
			.withMessageContaining("closeloop.webhooks.datto.auth: datto can authenticate only with [QUERY]");
	}

	@Test
	void shouldRefuseAnAutotaskSecretGivenAsItsDigestAndBasicAuthWithoutAUser() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new WebhookVendors(this.translators,
					new WebhookProperties(null, null, null, null, vendor("sha256:00ff", null),
							vendor("password", null))))
			.withMessageContaining("closeloop.webhooks.autotask.secret")
			.withMessageContaining("closeloop.webhooks.halo.username is required");
	}

	@Test
	void shouldCheckAConnectWiseSignatureWithTheKeyOrItsDigest() throws Exception {
		ConnectWiseTranslator connectwise = new ConnectWiseTranslator(new ObjectMapper());
		byte[] body = "{\"Action\":\"added\"}".getBytes(StandardCharsets.UTF_8);
		byte[] keyDigest = SecretDigest.sha256("signing-key");
		String signature = Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA256", keyDigest, body));
		Map<String, String> headers = Map.of("x-content-signature", signature);

		assertThat(connectwise.signatureMatches(body, headers, "signing-key")).isTrue();
		assertThat(connectwise.signatureMatches(body, headers, "sha256:" + HexFormat.of().formatHex(keyDigest)))
			.isTrue();
		assertThat(connectwise.signatureMatches(body, headers, "another-key")).isFalse();
		assertThat(connectwise.signatureMatches("{}".getBytes(StandardCharsets.UTF_8), headers, "signing-key"))
			.isFalse();
		assertThat(connectwise.signatureMatches(body, Map.of("x-content-signature", "not base64!"), "signing-key"))
			.isFalse();
	}

	@Test
	void shouldCheckAnAutotaskSignatureInBase64OrHex() {
		AutotaskTranslator autotask = new AutotaskTranslator();
		byte[] body = "{\"Id\":1}".getBytes(StandardCharsets.UTF_8);
		byte[] mac = Signatures.hmac("HmacSHA1", "secret".getBytes(StandardCharsets.UTF_8), body);

		assertThat(autotask.signatureMatches(body,
				Map.of("x-hook-signature", "sha1=" + Base64.getEncoder().encodeToString(mac)), "secret"))
			.isTrue();
		assertThat(autotask.signatureMatches(body, Map.of("x-hook-signature", "sha1=" + HexFormat.of().formatHex(mac)),
				"secret"))
			.isTrue();
		assertThat(autotask.signatureMatches(body, Map.of(), "secret")).isFalse();
		assertThat(autotask.signatureMatches(body,
				Map.of("x-hook-signature", "sha1=" + Base64.getEncoder().encodeToString(mac)), "other"))
			.isFalse();
	}

	@Test
	void shouldNotShowTheSecretInItsSettings() {
		assertThat(vendor("very-secret-value", null).toString()).doesNotContain("very-secret-value").contains("******");
	}

	private static WebhookProperties.Vendor vendor(String secret, WebhookAuth auth) {
		return new WebhookProperties.Vendor(secret, auth, null, TENANTS, null, null);
	}

}
