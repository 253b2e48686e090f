package io.closeloop.workers.connector;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.connector.connectwise.ConnectWisePsa;
import io.closeloop.workers.connector.halo.HaloPsa;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;
import io.closeloop.workers.simulator.SimulatedPsa;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.psa.connector} picks the one PSA connector; the simulator by default.
 */
class PsaConnectorSelectionTests {

	private static final String[] CONNECTWISE = { "closeloop.psa.connector=connectwise",
			"closeloop.psa.connectwise.url=https://api-na.myconnectwise.net/v4_6_release/apis/3.0",
			"closeloop.psa.connectwise.company-id=closeloopmsp", "closeloop.psa.connectwise.public-key=cw-public-9931",
			"closeloop.psa.connectwise.private-key=priv", "closeloop.psa.connectwise.client-id=cid",
			"closeloop.psa.connectwise.board-id=1", "closeloop.psa.connectwise.closed-status-id=31",
			"closeloop.psa.connectwise.escalation.status-id=42", "closeloop.psa.connectwise.companies.acme=250" };

	private static final String[] HALO = { "closeloop.psa.connector=halo",
			"closeloop.psa.halo.url=https://acme.halopsa.com", "closeloop.psa.halo.client-id=cid",
			"closeloop.psa.halo.client-secret=secret", "closeloop.psa.halo.ticket-type-id=31",
			"closeloop.psa.halo.note-outcome-id=7", "closeloop.psa.halo.closed-status-id=9",
			"closeloop.psa.halo.escalation.status-id=23", "closeloop.psa.halo.clients.acme=12" };

	// A Boot application's conversion service, which the simulator's Duration needs.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldUseTheSimulatedPsaWhenNoConnectorIsChosen() {
		this.context.run((ctx) -> assertThat(ctx.getBean(PsaConnector.class)).isInstanceOf(SimulatedPsa.class));
	}

	@Test
	void shouldUseConnectWiseWhenChosen() {
		this.context.withPropertyValues(CONNECTWISE).run((ctx) -> {
			assertThat(ctx.getBean(PsaConnector.class)).isInstanceOf(ConnectWisePsa.class);
			assertThat(ctx.getBean(PsaConnector.class).system()).isEqualTo("connectwise");
		});
	}

	@Test
	void shouldUseHaloWhenChosen() {
		this.context.withPropertyValues(HALO).run((ctx) -> {
			assertThat(ctx.getBean(PsaConnector.class)).isInstanceOf(HaloPsa.class);
			assertThat(ctx.getBean(PsaConnector.class).system()).isEqualTo("halo");
		});
	}

	@Test
	void shouldNotBindAConnectorsSettingsUnlessItIsChosen() {
		// Halo's settings are incomplete here, and nobody asked for Halo.
		this.context.withPropertyValues(CONNECTWISE)
			.withPropertyValues("closeloop.psa.halo.url=https://acme.halopsa.com")
			.run((ctx) -> assertThat(ctx).hasNotFailed().doesNotHaveBean(HaloPsa.class));
	}

	@Test
	void shouldRefuseToStartConnectWiseWithoutItsPrivateKey() {
		this.context.withPropertyValues(CONNECTWISE)
			.withPropertyValues("closeloop.psa.connectwise.private-key=")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.connectwise.company-id, public-key, private-key and client-id")
				.hasMessageNotContaining("cw-public-9931"));
	}

	@Test
	void shouldRefuseToStartConnectWiseWithoutATenantsCompany() {
		this.context.withPropertyValues(CONNECTWISE)
			.withPropertyValues("closeloop.psa.connectwise.companies.globex=Globex\"Inc")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.connectwise.companies.globex must be a company id or identifier"));
	}

	@Test
	void shouldRefuseToStartHaloWithoutItsClosedStatus() {
		this.context.withPropertyValues(HALO)
			.withPropertyValues("closeloop.psa.halo.closed-status-id=")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.halo.ticket-type-id, note-outcome-id and closed-status-id"));
	}

	@Test
	void shouldRefuseToStartHaloWithoutItsSecret() {
		this.context.withPropertyValues(HALO)
			.withPropertyValues("closeloop.psa.halo.client-secret=")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.halo.client-id and client-secret must be set"));
	}

}
