package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.autotask.AutotaskWebhook;
import io.closeloop.workers.connector.connectwise.CallbackSigningKeys;
import io.closeloop.workers.connector.connectwise.ConnectWiseWebhook;
import io.closeloop.workers.connector.datto.DattoWebhook;
import io.closeloop.workers.connector.halo.HaloWebhook;
import io.closeloop.workers.connector.ninjaone.NinjaOneWebhook;
import io.closeloop.workers.connector.tactical.TacticalWebhook;
import io.closeloop.workers.connector.webhook.VendorWebhook;
import io.closeloop.workers.connector.webhook.WebhookAuth;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * Which vendors are configured, and what configuration is refused at startup.
 */
class WebhookVendorsTests {

	private static final Map<String, String> TENANTS = Map.of("1", "acme");

	private static final ActiveRules RULES = mock(ActiveRules.class);

	private final List<VendorWebhook> translators = List.of(new DattoWebhook(RULES), new NinjaOneWebhook(RULES),
			new TacticalWebhook(RULES, Clock.systemUTC()),
			new ConnectWiseWebhook(RULES, new ObjectMapper(),
					new CallbackSigningKeys(new ObjectMapper(), Clock.systemUTC())),
			new AutotaskWebhook(RULES), new HaloWebhook(RULES));

	@Test
	void shouldKnowOnlyVendorsWithASecret() {
		WebhookVendors vendors = new WebhookVendors(this.translators,
				properties(Map.of("datto", vendor("t0ken", null), "ninjaone", vendor(" ", null))));

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
					properties(Map.of("datto", vendor("t", WebhookAuth.HEADER)))))
			.withMessageContaining("closeloop.webhooks.datto.auth: datto can authenticate only with [QUERY]");
	}

	@Test
	void shouldRefuseAnAutotaskSecretGivenAsItsDigestAndBasicAuthWithoutAUser() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new WebhookVendors(this.translators,
					properties(Map.of("autotask", vendor("sha256:00ff", null), "halo", vendor("password", null)))))
			.withMessageContaining("closeloop.webhooks.autotask.secret")
			.withMessageContaining("closeloop.webhooks.halo.username is required");
	}

	@Test
	void shouldTakeConnectWiseWithOnlyTheHostsItsKeysComeFrom() {
		WebhookVendors vendors = new WebhookVendors(this.translators,
				properties(Map.of("connectwise", keyUrl(List.of("api-na.myconnectwise.net"), "AcmeMsp"))));

		assertThat(vendors.find("connectwise")).isPresent();
	}

	@Test
	void shouldRefuseKeyHostsThatAreNotHostsOrLackTheCompany() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new WebhookVendors(this.translators,
					properties(Map.of("connectwise",
							keyUrl(List.of("api-eu.myconnectwise.net/v4_6_release", "ftp://cw.example.com"), " ")))))
			.withMessageContaining("key-url.hosts: 'api-eu.myconnectwise.net/v4_6_release' must be a host name")
			.withMessageContaining("key-url.hosts: 'ftp://cw.example.com' must be a host name")
			.withMessageContaining("key-url.company-id must name the company");
	}

	@Test
	void shouldRefuseKeyHostsForAVendorThatNamesNoKeys() {
		WebhookSettings autotask = new WebhookSettings(new Secret("s"), null, null, TENANTS, null, null,
				new WebhookSettings.KeyUrl(List.of("webservices5.autotask.net"), "x"));

		assertThatIllegalStateException()
			.isThrownBy(() -> new WebhookVendors(this.translators, properties(Map.of("autotask", autotask))))
			.withMessageContaining("closeloop.webhooks.autotask.key-url: Autotask does not name signing keys");
	}

	@Test
	void shouldNotShowTheSecretInItsSettings() {
		assertThat(vendor("very-secret-value", null).toString()).doesNotContain("very-secret-value").contains("******");
	}

	private static WebhookSettings vendor(String secret, WebhookAuth auth) {
		return new WebhookSettings(new Secret(secret), auth, null, TENANTS, null, null, null);
	}

	private static WebhookSettings keyUrl(List<String> hosts, String company) {
		return new WebhookSettings(null, null, null, TENANTS, null, null, new WebhookSettings.KeyUrl(hosts, company));
	}

	private static WebhookProperties properties(Map<String, WebhookSettings> vendors) {
		return new WebhookProperties(vendors);
	}

}
