package io.closeloop.workers.connector;

import java.time.Clock;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.connector.ncentral.NcentralRmm;
import io.closeloop.workers.connector.ncentral.NcentralRmmProperties;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmm;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmmProperties;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.rmm.connector=ninjaone} or {@code ncentral} picks that connector
 * alone, bound from its {@code closeloop.rmm.*} settings.
 */
class NinjaOneAndNcentralSelectionTests {

	// A Boot application's conversion service, which the Durations need.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldUseNinjaOneInItsRegionWhenChosen() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=ninjaone", "closeloop.rmm.ninjaone.region=eu",
					"closeloop.rmm.ninjaone.client-id=c", "closeloop.rmm.ninjaone.client-secret=s",
					"closeloop.rmm.ninjaone.scripts.disk-cleanup=41",
					"closeloop.rmm.ninjaone.script-parameters.disk-cleanup=-Drive C")
			.run((ctx) -> {
				assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(NinjaOneRmm.class);
				NinjaOneRmmProperties properties = ConnectorsConfiguration.properties(ctx.getEnvironment(),
						NinjaOneRmmProperties.class);
				assertThat(properties.url()).isEqualTo(URI.create("https://eu.ninjarmm.com"));
				assertThat(properties.scripts()).containsEntry("disk-cleanup", 41);
				assertThat(properties.scriptParameters()).containsEntry("disk-cleanup", "-Drive C");
				assertThat(properties.scope()).isEqualTo("monitoring management control");
				assertThat(properties.runAs()).isEqualTo("system");
				assertThat(properties.scriptActivityTypes()).containsExactly("ACTION", "SCRIPTING");
				assertThat(properties.checkTimeout()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void shouldRefuseToStartNinjaOneWithoutItsSecret() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=ninjaone", "closeloop.rmm.ninjaone.region=app",
					"closeloop.rmm.ninjaone.client-id=c")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.ninjaone.client-id and client-secret must be set"));
	}

	@Test
	void shouldRefuseToStartNinjaOneWithoutARegion() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=ninjaone", "closeloop.rmm.ninjaone.client-id=c",
					"closeloop.rmm.ninjaone.client-secret=s")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.ninjaone.region must be one of"));
	}

	@Test
	void shouldUseNcentralWhenChosen() {
		this.context.withPropertyValues("closeloop.rmm.connector=ncentral",
				"closeloop.rmm.ncentral.url=https://ncentral.example.com", "closeloop.rmm.ncentral.user-api-token=jwt",
				"closeloop.rmm.ncentral.customers.acme=100", "closeloop.rmm.ncentral.scripts.disk-cleanup=1001")
			.run((ctx) -> {
				assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(NcentralRmm.class);
				NcentralRmmProperties properties = ConnectorsConfiguration.properties(ctx.getEnvironment(),
						NcentralRmmProperties.class);
				assertThat(properties.customers()).containsEntry("acme", 100);
				assertThat(properties.scripts()).containsEntry("disk-cleanup", 1001);
				assertThat(properties.taskType()).isEqualTo("Script");
				assertThat(properties.credentialType()).isEqualTo("LocalSystem");
				assertThat(properties.succeededStatuses()).containsExactly("Success", "Completed");
				assertThat(properties.failedStatuses()).contains("Failed", "Cancelled");
			});
	}

	@Test
	void shouldRefuseToStartNcentralWithoutItsToken() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=ncentral",
					"closeloop.rmm.ncentral.url=https://ncentral.example.com")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.ncentral.user-api-token must be set"));
	}

}
