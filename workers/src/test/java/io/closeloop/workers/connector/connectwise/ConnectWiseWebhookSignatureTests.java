package io.closeloop.workers.connector.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.Signatures;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * ConnectWise's callback signature: checked in constant time with the configured signing
 * key or its digest, or with the key the callback's {@code Metadata.key_url} names,
 * fetched only from a configured host, for the configured company, kept, and fetched
 * again once when ConnectWise has rotated it. The stub answers as ConnectWise's key URL
 * does: {@code {"signing_key": ...}}, without authentication.
 */
class ConnectWiseWebhookSignatureTests {

	private static final String KEY_PATH = "/v2025_1//system/callbackkey/index.rails";

	private static final String COMPANY = "AcmeMsp";

	@RegisterExtension
	static WireMockExtension connectwise = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final MutableClock clock = new MutableClock();

	private final ConnectWiseWebhook webhook = new ConnectWiseWebhook(mock(ActiveRules.class), new ObjectMapper(),
			new CallbackSigningKeys(new ObjectMapper(), this.clock));

	@Test
	void shouldCheckAConnectWiseSignatureWithTheKeyOrItsDigest() {
		byte[] body = "{\"Action\":\"added\"}".getBytes(StandardCharsets.UTF_8);
		byte[] keyDigest = SecretDigest.sha256("signing-key");
		Map<String, String> headers = signedWith("signing-key", body);

		assertThat(this.webhook.signatureMatches(body, headers, secret("signing-key"))).isTrue();
		assertThat(
				this.webhook.signatureMatches(body, headers, secret("sha256:" + HexFormat.of().formatHex(keyDigest))))
			.isTrue();
		assertThat(this.webhook.signatureMatches(body, headers, secret("another-key"))).isFalse();
		assertThat(this.webhook.signatureMatches("{}".getBytes(StandardCharsets.UTF_8), headers, secret("signing-key")))
			.isFalse();
		assertThat(this.webhook.signatureMatches(body, Map.of("x-content-signature", "not base64!"),
				secret("signing-key")))
			.isFalse();
	}

	@Test
	void shouldFetchTheKeyItsKeyUrlNamesFromAConfiguredHostAndKeepIt() {
		stubKey("b6f0c1d2-key-one");
		byte[] first = callback(COMPANY, keyUrl(COMPANY, "e17e6674-42f6-4105-9cff-4cd6cb4e62e8"), 57961);
		byte[] second = callback(COMPANY, keyUrl(COMPANY, "e17e6674-42f6-4105-9cff-4cd6cb4e62e8"), 57962);

		assertThat(this.webhook.signatureMatches(first, signedWith("b6f0c1d2-key-one", first), fetching())).isTrue();
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.webhook.signatureMatches(second, signedWith("b6f0c1d2-key-one", second), fetching())).isTrue();

		connectwise.verify(1, getRequestedFor(urlPathEqualTo(KEY_PATH)));
	}

	@Test
	void shouldPreferTheConfiguredKeyAndFetchOnlyWhenItDoesNotMatch() {
		stubKey("fetched-key-77");
		byte[] body = callback(COMPANY, keyUrl(COMPANY, "0d9b"), 61000);
		WebhookSettings settings = new WebhookSettings(new Secret("configured-key"), null, null, Map.of("250", "acme"),
				null, null, new WebhookSettings.KeyUrl(List.of(origin()), COMPANY));

		assertThat(this.webhook.signatureMatches(body, signedWith("configured-key", body), settings)).isTrue();
		connectwise.verify(0, anyRequestedFor(anyUrl()));
		assertThat(this.webhook.signatureMatches(body, signedWith("fetched-key-77", body), settings)).isTrue();
		connectwise.verify(1, getRequestedFor(urlPathEqualTo(KEY_PATH)));
	}

	@Test
	void shouldFetchARotatedKeyOnceBeforeRefusing() {
		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).inScenario("rotation")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"signing_key\":\"before-rotation\"}"))
			.willSetStateTo("rotated"));
		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).inScenario("rotation")
			.whenScenarioStateIs("rotated")
			.willReturn(okJson("{\"signing_key\":\"after-rotation\"}")));
		String url = keyUrl(COMPANY, "7c1a");
		byte[] early = callback(COMPANY, url, 1);
		byte[] late = callback(COMPANY, url, 2);
		byte[] forged = callback(COMPANY, url, 3);

		assertThat(this.webhook.signatureMatches(early, signedWith("before-rotation", early), fetching())).isTrue();
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.webhook.signatureMatches(late, signedWith("after-rotation", late), fetching())).isTrue();
		connectwise.verify(2, getRequestedFor(urlPathEqualTo(KEY_PATH)));

		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.webhook.signatureMatches(forged, signedWith("guessed", forged), fetching())).isFalse();
		connectwise.verify(3, getRequestedFor(urlPathEqualTo(KEY_PATH)));
		// Just fetched: a forged signature right after is refused without asking again.
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.webhook.signatureMatches(forged, signedWith("guessed-again", forged), fetching())).isFalse();
		connectwise.verify(3, getRequestedFor(urlPathEqualTo(KEY_PATH)));
	}

	@Test
	void shouldNeverFetchAKeyFromAHostThatIsNotConfigured() {
		stubKey("attacker-would-like-this");
		int port = connectwise.getPort();
		for (String url : List.of("http://127.0.0.1:" + port + KEY_PATH + "?companyName=AcmeMsp&id=1",
				"https://localhost:" + port + KEY_PATH + "?companyName=AcmeMsp&id=2",
				"http://localhost:" + (port + 1) + KEY_PATH + "?companyName=AcmeMsp&id=3",
				"http://evil@localhost:" + port + KEY_PATH + "?companyName=AcmeMsp&id=4",
				"https://metadata.internal.example/latest/?companyName=AcmeMsp", "file:///etc/passwd")) {
			byte[] body = callback(COMPANY, url, 42);

			WebhookRejected refused = catchThrowableOfType(WebhookRejected.class, () -> this.webhook
				.signatureMatches(body, signedWith("attacker-would-like-this", body), fetching()));

			assertThat(refused).as(url).isNotNull();
			assertThat(refused.reason()).isEqualTo(WebhookRejected.Reason.UNAUTHENTICATED);
			assertThat(refused.getMessage()).contains("not in closeloop.webhooks.connectwise.key-url.hosts");
		}
		connectwise.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void shouldTakeAPlainHostOnlyOverHttpsOnItsDefaultPort() {
		List<String> hosts = List.of("api-eu.myconnectwise.net", "https://cw.example.com:8443");

		assertThat(CallbackSigningKeys.isAllowed(uri("https://api-eu.myconnectwise.net/v4_6_release/key?id=1"), hosts))
			.isTrue();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://API-EU.MyConnectWise.net:443/key"), hosts)).isTrue();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://cw.example.com:8443/system/key"), hosts)).isTrue();
		assertThat(CallbackSigningKeys.isAllowed(uri("http://api-eu.myconnectwise.net/key"), hosts)).isFalse();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://api-eu.myconnectwise.net:8443/key"), hosts)).isFalse();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://cw.example.com/system/key"), hosts)).isFalse();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://api-eu.myconnectwise.net.evil.example/key"), hosts))
			.isFalse();
		assertThat(CallbackSigningKeys.isAllowed(uri("https://api-eu.myconnectwise.net/key#x"), hosts)).isFalse();
	}

	@Test
	void shouldRefuseToFetchForAnotherCompanysCallback() {
		stubKey("other-company-key");
		byte[] otherCompany = callback("NotOurs", keyUrl("NotOurs", "99"), 7);
		byte[] otherCompanysKey = callback(COMPANY, keyUrl("NotOurs", "98"), 8);
		byte[] noCompany = callback(null, keyUrl(COMPANY, "97"), 9);

		for (byte[] body : List.of(otherCompany, otherCompanysKey, noCompany)) {
			WebhookRejected refused = catchThrowableOfType(WebhookRejected.class,
					() -> this.webhook.signatureMatches(body, signedWith("other-company-key", body), fetching()));

			assertThat(refused).isNotNull();
			assertThat(refused.reason()).isEqualTo(WebhookRejected.Reason.UNAUTHENTICATED);
			assertThat(refused.getMessage()).contains("key-url.company-id");
		}
		connectwise.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void shouldAnswerThatTheKeyCannotBeFetchedNowWhenConnectWiseFails() {
		byte[] body = callback(COMPANY, keyUrl(COMPANY, "5a"), 11);
		Map<String, String> headers = signedWith("k", body);

		connectwise
			.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(rejection(body, headers).reason()).isEqualTo(WebhookRejected.Reason.UNAVAILABLE);

		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(503)));
		assertThat(rejection(body, headers).getMessage()).contains("could not be fetched", "HTTP 503");

		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(okJson("{\"key\":\"renamed\"}")));
		assertThat(rejection(body, headers).getMessage()).contains("without a signing_key");

		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(404)));
		WebhookRejected gone = rejection(body, headers);
		assertThat(gone.reason()).isEqualTo(WebhookRejected.Reason.UNAUTHENTICATED);
		assertThat(gone.getMessage()).contains("HTTP 404");
	}

	@Test
	void shouldNotFetchWhenNoKeyUrlIsConfiguredOrTheCallbackNamesNone() {
		stubKey("k");
		byte[] body = callback(COMPANY, keyUrl(COMPANY, "1"), 12);
		byte[] withoutKeyUrl = "{\"CompanyId\":\"AcmeMsp\",\"Action\":\"added\",\"Metadata\":{}}"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.webhook.signatureMatches(body, signedWith("k", body), secret("other"))).isFalse();
		assertThat(this.webhook.signatureMatches(withoutKeyUrl, signedWith("k", withoutKeyUrl), fetching())).isFalse();
		assertThat(this.webhook.signatureMatches(body, Map.of(), fetching())).isFalse();
		connectwise.verify(0, anyRequestedFor(anyUrl()));
	}

	private WebhookRejected rejection(byte[] body, Map<String, String> headers) {
		this.clock.advance(Duration.ofHours(2));
		WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
				() -> this.webhook.signatureMatches(body, headers, fetching()));
		assertThat(rejected).isNotNull();
		return rejected;
	}

	private static void stubKey(String key) {
		connectwise.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(okJson("{\"signing_key\":\"" + key + "\"}")));
	}

	private static String origin() {
		return "http://localhost:" + connectwise.getPort();
	}

	/** A key URL in the shape ConnectWise's callbacks carry. */
	private static String keyUrl(String company, String id) {
		return origin() + KEY_PATH + "?companyName=" + company + "&id=" + id;
	}

	/** A ticket callback as ConnectWise sends one, its ticket as a JSON string. */
	private static byte[] callback(String company, String keyUrl, long ticketId) {
		String companyField = (company != null) ? "\"CompanyId\":\"" + company + "\"," : "";
		return ("{\"MessageId\":\"824d99d2-33c0-4c56-9ded-d99d895a90e3\",\"FromUrl\":\"localhost\"," + companyField
				+ "\"MemberId\":\"closeloop\",\"Action\":\"added\",\"Type\":\"ticket\",\"ID\":" + ticketId
				+ ",\"Entity\":\"{\\\"id\\\":" + ticketId + ",\\\"summary\\\":\\\"Disk low\\\"}\","
				+ "\"Metadata\":{\"key_url\":\"" + keyUrl + "\"},\"CallbackObjectRecId\":26604}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> signedWith(String signingKey, byte[] body) {
		return Map.of("x-content-signature", Base64.getEncoder()
			.encodeToString(Signatures.hmac("HmacSHA256", SecretDigest.sha256(signingKey), body)));
	}

	private static WebhookSettings secret(String key) {
		return new WebhookSettings(new Secret(key), null, null, Map.of("250", "acme"), null, null, null);
	}

	private static WebhookSettings fetching() {
		return new WebhookSettings(null, null, null, Map.of("250", "acme"), null, null,
				new WebhookSettings.KeyUrl(List.of(origin()), COMPANY));
	}

	private static java.net.URI uri(String url) {
		return java.net.URI.create(url);
	}

	/** The time, moved on by the test. */
	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-21T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
