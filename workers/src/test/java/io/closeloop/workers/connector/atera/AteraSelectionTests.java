package io.closeloop.workers.connector.atera;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.TestRules;
import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.rmm.connector=atera} picks Atera and its alert feed, bound from
 * {@code closeloop.rmm.atera.*}.
 */
class AteraSelectionTests {

	// A Boot application's conversion service, which the Durations need.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(ActiveRules.class, TestRules::vendorTypes)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldUseAteraAndPollItsAlertsWhenChosen() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=atera", "closeloop.rmm.atera.api-key=k",
					"closeloop.rmm.atera.customers.acme=11")
			.run((ctx) -> {
				assertThat(ctx.getBean(RmmConnector.class)).isInstanceOf(AteraRmm.class);
				assertThat(ctx.getBean(AteraAlertFeed.class).pollInterval()).isEqualTo(Duration.ofMinutes(1));
				AteraRmmProperties properties = ConnectorsConfiguration.properties(ctx.getEnvironment(),
						AteraRmmProperties.class);
				assertThat(properties.url()).isEqualTo(URI.create("https://app.atera.com"));
				assertThat(properties.scheme()).isEqualTo(AteraRmmProperties.Scheme.X_API_KEY);
				assertThat(properties.customers()).containsEntry("acme", 11L);
				assertThat(properties.requestsPerMinute()).isEqualTo(600);
				assertThat(properties.pageSize()).isEqualTo(50);
				assertThat(properties.toString()).doesNotContain("=k,");
			});
	}

	@Test
	void shouldCreateNoAlertFeedWhenAteraIsNoTenantsRmm() {
		this.context.run((ctx) -> assertThat(ctx).doesNotHaveBean(AteraAlertFeed.class));
	}

	@Test
	void shouldRefuseToStartAteraWithoutItsKey() {
		this.context.withPropertyValues("closeloop.rmm.connector=atera")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.atera.api-key must be set"));
	}

	@Test
	void shouldRefuseOneCustomerMappedToTwoTenants() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=atera", "closeloop.rmm.atera.api-key=k",
					"closeloop.rmm.atera.customers.acme=11", "closeloop.rmm.atera.customers.globex=11")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maps Atera customer 11 to both"));
	}

	@Test
	void shouldRefuseACustomerMappedToATenantWhoseRmmIsAnother() {
		// globex's devices are another RMM's: an Atera agent id must never be looked up
		// there.
		this.context
			.withPropertyValues("closeloop.rmm.connector=atera", "closeloop.rmm.tenants.globex=simulator",
					"closeloop.rmm.atera.api-key=k", "closeloop.rmm.atera.customers.acme=11",
					"closeloop.rmm.atera.customers.globex=12")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.atera.customers maps [globex], whose RMM is not Atera"));
	}

	@Test
	void shouldRefuseAPageLargerThanAteraServes() {
		this.context
			.withPropertyValues("closeloop.rmm.connector=atera", "closeloop.rmm.atera.api-key=k",
					"closeloop.rmm.atera.page-size=100")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.rmm.atera.page-size must be between 1 and 50"));
	}

}
