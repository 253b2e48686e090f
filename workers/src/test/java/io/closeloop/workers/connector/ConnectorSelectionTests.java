package io.closeloop.workers.connector;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.closeloop.workers.connector.datto.DattoRmm;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;
import io.closeloop.workers.connector.tactical.TacticalRmm;
import io.closeloop.workers.simulator.SimulatedRmm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.rmm.connector} picks the one RMM connector; the simulator by default.
 */
class ConnectorSelectionTests {

	// A Boot application's conversion service, which the simulator's Duration needs.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldUseTheSimulatorWhenNoConnectorIsChosen() {
		this.context.run((ctx) -> assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(SimulatedRmm.class));
	}

	@Test
	void shouldUseTacticalRmmWhenChosen() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=tactical",
					"closeloop.rmm.tactical.url=https://rmm.example.com", "closeloop.rmm.tactical.api-key=k",
					"closeloop.rmm.tactical.scripts.disk-cleanup=12")
			.run((ctx) -> assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(TacticalRmm.class));
	}

	@Test
	void shouldUseDattoRmmWhenChosen() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=datto",
					"closeloop.rmm.datto.url=https://merlot-api.centrastage.net", "closeloop.rmm.datto.api-key=k",
					"closeloop.rmm.datto.api-secret=s")
			.run((ctx) -> assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(DattoRmm.class));
	}

	@Test
	void shouldRefuseToStartDattoWithoutItsSecret() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=datto",
					"closeloop.rmm.datto.url=https://merlot-api.centrastage.net", "closeloop.rmm.datto.api-key=k")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.datto.api-key and api-secret must be set"));
	}

	@Test
	void shouldRefuseToStartDattoWithoutItsUrl() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=datto", "closeloop.rmm.datto.api-key=k",
					"closeloop.rmm.datto.api-secret=s")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.datto.url must be set to use Datto RMM"));
	}

	@Test
	void shouldRefuseToStartTacticalWithoutItsUrl() {
		this.context.withPropertyValues("closeloop.rmm.connector=tactical", "closeloop.rmm.tactical.api-key=k")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.tactical.url must be set to use Tactical RMM"));
	}

}
