package io.closeloop.workers.connector;

import java.time.Clock;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.hudu.HuduDocumentation;
import io.closeloop.workers.connector.hudu.HuduDocumentationProperties;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.itglue.ItGlueDocumentation;
import io.closeloop.workers.connector.itglue.ItGlueDocumentationProperties;
import io.closeloop.workers.connector.routing.ConnectorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code closeloop.docs.connector} picks the one documentation system; none by default.
 */
class DocumentationSelectionTests {

	// A Boot application's conversion service, which the simulator's Duration needs.
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean("conversionService", ConversionService.class, ApplicationConversionService::getSharedInstance)
		.withUserConfiguration(ConnectorsConfiguration.class);

	@Test
	void shouldLookUpNothingWhenNoSystemIsChosen() {
		this.context.run((ctx) -> {
			DocumentationConnector docs = ctx.getBean(DocumentationConnector.class);
			assertThat(docs).isInstanceOf(NoDocumentation.class);
			assertThat(docs.lookUp(TestAlerts.diskLow(1, "ACME-WS-1"))).isEmpty();
		});
	}

	@Test
	void shouldLookUpNothingWhenNoneIsChosen() {
		this.context.withPropertyValues("closeloop.docs.connector=none")
			.run((ctx) -> assertThat(ctx.getBean(DocumentationConnector.class)).isInstanceOf(NoDocumentation.class));
	}

	@Test
	void shouldUseItGlueWhenChosen() {
		this.context.withPropertyValues("closeloop.docs.connector=itglue", "closeloop.docs.itglue.api-key=k",
				"closeloop.docs.itglue.organizations.acme=2701", "closeloop.docs.itglue.topics[disk.space.low]=disk")
			.run((ctx) -> {
				assertThat(ctx.getBean(DocumentationConnector.class)).isInstanceOf(ItGlueDocumentation.class);
				// Alert types hold dots: the bracketed key keeps them.
				assertThat(ConnectorsConfiguration.properties(ctx.getEnvironment(), ItGlueDocumentationProperties.class)
					.topics()).containsEntry("disk.space.low", "disk");
			});
	}

	@Test
	void shouldUseHuduWhenChosen() {
		this.context
			.withPropertyValues("closeloop.docs.connector=hudu", "closeloop.docs.hudu.url=https://docs.msp.example",
					"closeloop.docs.hudu.api-key=k")
			.run((ctx) -> {
				assertThat(ctx.getBean(DocumentationConnector.class)).isInstanceOf(HuduDocumentation.class);
				// Shorter than other connectors' defaults: the lookup delays enrichment.
				HttpSettings http = ConnectorsConfiguration
					.properties(ctx.getEnvironment(), HuduDocumentationProperties.class)
					.http();
				assertThat(http.readTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(http.maxAttempts()).isEqualTo(2);
			});
	}

	@Test
	void shouldRefuseToStartHuduWithoutItsApiKey() {
		this.context
			.withPropertyValues("closeloop.docs.connector=hudu", "closeloop.docs.hudu.url=https://docs.msp.example")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.docs.hudu.api-key must be set"));
	}

	@Test
	void shouldRefuseToStartItGlueWithoutItsApiKey() {
		this.context.withPropertyValues("closeloop.docs.connector=itglue")
			.run((ctx) -> assertThat(ctx).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("closeloop.docs.itglue.api-key must be set"));
	}

}
