package io.closeloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.closeloop.engine.autonomy.AutonomyProperties;
import io.closeloop.engine.client.ClientProperties;
import io.closeloop.engine.processstart.ProcessSettings;
import io.closeloop.engine.processstart.ProcessStartSettings;
import io.closeloop.engine.rules.RulesProperties;
import io.closeloop.engine.telemetry.TrendSettings;
import io.closeloop.engine.web.IntakeLimits;
import io.closeloop.engine.security.SignInThrottleSettings;
import io.closeloop.engine.webhook.WebhookDeliverySettings;
import io.closeloop.engine.zeebe.EmbeddedZeebeProperties;
import io.closeloop.rules.AutonomyMode;

/**
 * The settings records' defaults are in force with no configuration at all (no
 * application.yml), and are the ones docs/configuration.md lists.
 */
class SettingsDefaultsTests {

	private final Binder nothing = new Binder(new MapConfigurationPropertySource());

	@Test
	void shouldStartTheEmbeddedEngineAndWatchItByDefault() {
		assertThat(bind("closeloop.zeebe.embedded", EmbeddedZeebeProperties.class))
			.isEqualTo(new EmbeddedZeebeProperties(26500, 3, Duration.ofSeconds(30)));
		assertThat(bind("closeloop.zeebe.watchdog", EmbeddedZeebeProperties.Watchdog.class))
			.isEqualTo(new EmbeddedZeebeProperties.Watchdog(Duration.ofSeconds(10), Duration.ofSeconds(5)));
	}

	@Test
	void shouldStartProcessesWithTheDocumentedSettings() {
		assertThat(bind("closeloop.process", ProcessSettings.class))
			.isEqualTo(new ProcessSettings(Duration.ofHours(4), Duration.ofSeconds(1), 300, Duration.ofSeconds(15), 3));
		assertThat(bind("closeloop.process-start", ProcessStartSettings.class))
			.isEqualTo(new ProcessStartSettings(200, 32, Duration.ofSeconds(1), Duration.ofMinutes(1),
					Duration.ofSeconds(30), 3, 20000, 50, Duration.ofMinutes(15), 20, 5));
	}

	@Test
	void shouldLimitTheApiByDefault() {
		assertThat(bind("closeloop.intake.limits", IntakeLimits.class))
			.isEqualTo(new IntakeLimits(1024 * 1024, 200, 400, 32, Duration.ofSeconds(2)));
	}

	@Test
	void shouldThrottleSignInsAndRememberWebhookDeliveriesByDefault() {
		assertThat(bind("closeloop.security.sign-in-throttle", SignInThrottleSettings.class))
			.isEqualTo(new SignInThrottleSettings(5, Duration.ofMinutes(1), Duration.ofMinutes(5), 100_000));
		assertThat(bind("closeloop.webhook-deliveries", WebhookDeliverySettings.class))
			.isEqualTo(new WebhookDeliverySettings(Duration.ofDays(1), Duration.ofHours(1)));
	}

	@Test
	void shouldUseThePackagedRulesWithoutADirectory() {
		assertThat(bind("closeloop.rules", RulesProperties.class))
			.isEqualTo(new RulesProperties(null, Duration.ofSeconds(2)));
	}

	@Test
	void shouldStartEveryCategoryInShadowMode() {
		assertThat(bind("closeloop.autonomy", AutonomyProperties.class))
			.isEqualTo(new AutonomyProperties(AutonomyMode.SHADOW, Map.of(), 20, 0.9));
	}

	@Test
	void shouldFitTrendsWithTheDocumentedThresholds() {
		assertThat(bind("closeloop.trends", TrendSettings.class))
			.isEqualTo(new TrendSettings(Duration.ofDays(7), Duration.ofDays(14), 6, Duration.ofHours(6), 0.6));
	}

	@Test
	void shouldGiveAClientOfficeHoursInUtcAndNothingElse() {
		ClientProperties.Client officeHoursInUtc = new ClientProperties.Client(false, "UTC", "MON-FRI 08:00-18:00",
				List.of(), List.of(), List.of());
		assertThat(bind("closeloop", ClientProperties.class).clients()).isEmpty();
		// A listed client keeps the default of every setting it leaves out.
		Binder vipOnly = new Binder(new MapConfigurationPropertySource(Map.of("closeloop.clients.acme.vip", "true")));
		assertThat(vipOnly.bindOrCreate("closeloop", ClientProperties.class).clients())
			.containsExactly(Map.entry("acme",
					new ClientProperties.Client(true, "UTC", "MON-FRI 08:00-18:00", List.of(), List.of(), List.of())));
		assertThat(bind("closeloop.clients.unlisted", ClientProperties.Client.class)).isEqualTo(officeHoursInUtc);
	}

	private <T> T bind(String prefix, Class<T> type) {
		return this.nothing.bindOrCreate(prefix, type);
	}

}
