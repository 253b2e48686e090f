package io.closeloop.workers.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.datto.DattoRmm;
import io.closeloop.workers.connector.tactical.TacticalRmm;
import io.closeloop.workers.simulator.SimulatedPsa;
import io.closeloop.workers.simulator.SimulatedRmm;

/**
 * {@code closeloop.rmm.tenants} and {@code closeloop.psa.tenants}: a connector per
 * tenant.
 */
class TenantRoutingTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class, ConnectorRoutingConfiguration.class);

	@Test
	void shouldServeEachTenantFromItsOwnRmm() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=tactical", "closeloop.rmm.tenants.globex=datto",
					"closeloop.rmm.tenants.initech=simulator", "closeloop.rmm.tactical.url=https://rmm.example.com",
					"closeloop.rmm.tactical.api-key=k", "closeloop.rmm.datto.url=https://merlot-api.centrastage.net",
					"closeloop.rmm.datto.api-key=k", "closeloop.rmm.datto.api-secret=s")
			.run((ctx) -> {
				RmmConnector rmm = ctx.getBean(RmmConnector.class);
				assertThat(rmm).isInstanceOf(TenantRoutedRmm.class);
				TenantRoutedRmm routed = (TenantRoutedRmm) rmm;
				assertThat(routed.of("acme")).isInstanceOf(TacticalRmm.class);
				assertThat(routed.of("globex")).isInstanceOf(DattoRmm.class);
				assertThat(routed.of("initech")).isInstanceOf(SimulatedRmm.class);
			});
	}

	@Test
	void shouldNotCreateAConnectorNoTenantUses() {
		this.context.withPropertyValues("closeloop.rmm.connector=simulator", "closeloop.rmm.tenants.globex=simulator")
			.run((ctx) -> {
				assertThat(ctx).hasSingleBean(RmmConnector.class);
				assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(SimulatedRmm.class);
			});
	}

	@Test
	void shouldNameTheConnectorsThatExistWhenATenantNamesOneThatDoesNot() {
		this.context.withPropertyValues("closeloop.rmm.tenants.globex=dato")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"closeloop.rmm names the connector 'dato', which does not exist; known: [simulator]"));
	}

	@Test
	void shouldOpenATicketInTheTenantsPsaAndNoteItInThePsaThatHoldsIt() {
		SimulatedPsa simulator = new SimulatedPsa(Clock.systemUTC());
		PsaConnector connectWise = mock(PsaConnector.class);
		when(connectWise.system()).thenReturn("connectwise");
		when(connectWise.openTicket(any(), any(), any(), any())).thenReturn(new TicketRef("connectwise", "4711"));
		TenantRoutedPsa psa = new TenantRoutedPsa(
				new ConnectorChoice("psa", "simulator", Map.of("globex", "connectwise")),
				Map.of("simulator", simulator, "connectwise", connectWise));

		TicketRef globex = psa.openTicket(TestAlerts.diskLow(1, "GLOBEX-WS-1", "globex"), "s", "d", "k1");
		TicketRef acme = psa.openTicket(TestAlerts.diskLow(2, "ACME-WS-2"), "s", "d", "k2");
		psa.addNote(globex, "note", true, "k3");
		psa.closeTicket(acme, "fixed", "k4");

		assertThat(globex).isEqualTo(new TicketRef("connectwise", "4711"));
		assertThat(acme.system()).isEqualTo("simulator");
		verify(connectWise).addNote(eq(globex), eq("note"), eq(true), eq("k3"));
		assertThat(simulator.tickets()).singleElement()
			.satisfies((ticket) -> assertThat(ticket.status()).isEqualTo(SimulatedPsa.CLOSED));
	}

}
