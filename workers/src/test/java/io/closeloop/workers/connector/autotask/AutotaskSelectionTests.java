package io.closeloop.workers.connector.autotask;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;
import io.closeloop.workers.simulator.SimulatedPsa;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.psa.connector=autotask} picks Autotask as the one PSA, and only then
 * are its settings bound and checked.
 */
class AutotaskSelectionTests {

	// A Boot application's conversion service, which the simulator's Duration needs.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldKeepTheSimulatedPsaWhenNoConnectorIsChosen() {
		this.context.run((ctx) -> {
			assertThat(ctx.getBean(PsaConnector.class)).isInstanceOf(SimulatedPsa.class);
			assertThat(ctx).doesNotHaveBean(AutotaskPsaProperties.class);
			assertThat(ctx).doesNotHaveBean(AutotaskPsa.class);
		});
	}

	@Test
	void shouldUseAutotaskWhenChosen() {
		this.context
			.withPropertyValues("closeloop.psa.connector=autotask",
					"closeloop.psa.autotask.url=https://webservices5.autotask.net/atservicesrest",
					"closeloop.psa.autotask.integration-code=CODE", "closeloop.psa.autotask.username=api@msp.example",
					"closeloop.psa.autotask.secret=s", "closeloop.psa.autotask.companies.acme=175",
					"closeloop.psa.autotask.ticket.queue-id=29682833", "closeloop.psa.autotask.escalation.status=8")
			.run((ctx) -> {
				assertThat(ctx.getBean(PsaConnector.class)).isInstanceOf(AutotaskPsa.class);
				AutotaskPsaProperties properties = ConnectorsConfiguration.properties(ctx.getEnvironment(),
						AutotaskPsaProperties.class);
				assertThat(properties.ticket().completeStatus()).isEqualTo(5);
				assertThat(properties.notes().publishInternal()).isEqualTo(2);
				assertThat(properties.deviceField()).isEqualTo("rmmDeviceUID");
				assertThat(properties.toString()).doesNotContain("CODE").contains("secret=****");
			});
	}

	@Test
	void shouldRefuseToStartAutotaskWithoutItsSecret() {
		this.context
			.withPropertyValues("closeloop.psa.connector=autotask", "closeloop.psa.autotask.integration-code=CODE",
					"closeloop.psa.autotask.username=api@msp.example", "closeloop.psa.autotask.ticket.queue-id=5",
					"closeloop.psa.autotask.escalation.status=8")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.autotask.integration-code, username and secret must be set"));
	}

	@Test
	void shouldRefuseToStartAutotaskWithoutAQueue() {
		this.context
			.withPropertyValues("closeloop.psa.connector=autotask", "closeloop.psa.autotask.integration-code=CODE",
					"closeloop.psa.autotask.username=api@msp.example", "closeloop.psa.autotask.secret=s",
					"closeloop.psa.autotask.escalation.status=8")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.psa.autotask.ticket.queue-id must be set"));
	}

}
