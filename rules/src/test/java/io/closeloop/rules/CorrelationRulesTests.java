package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The correlation rules on the pseudo clock: windows are moved by the test, never waited
 * for.
 */
class CorrelationRulesTests {

	private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

	private final EventRules rules = new RuleSetCompiler()
		.compileEvents(List.of(RuleFiles.read("correlation/correlation.drl")), "test");

	private CorrelationSession session = this.rules.newSession();

	private long nextAlert = 1;

	@AfterEach
	void close() {
		this.session.close();
	}

	@Test
	void shouldRaiseOneIncidentWhenFiveClientsAlertOnTheSameCategoryWithinAnHour() {
		for (int tenant = 1; tenant <= 4; tenant++) {
			assertThat(observe("tenant-" + tenant, "dev-1", "high-cpu", Duration.ofMinutes(tenant * 10L)).incident())
				.isEmpty();
		}
		CorrelationSession.Correlation fifth = observe("tenant-5", "dev-1", "high-cpu", Duration.ofMinutes(50));

		assertThat(fifth.incident()).isPresent();
		assertThat(fifth.incident().get().category()).isEqualTo("high-cpu");
		assertThat(fifth.incidentMembers()).containsExactly(1L, 2L, 3L, 4L, 5L);

		CorrelationSession.Correlation sixth = observe("tenant-6", "dev-9", "high-cpu", Duration.ofMinutes(55));
		assertThat(sixth.incident()).isEqualTo(fifth.incident());
		assertThat(sixth.incidentMembers()).hasSize(6);
	}

	@Test
	void shouldNotCountOneClientsManyAlertsAsAnIncident() {
		for (int i = 0; i < 10; i++) {
			assertThat(observe("tenant-1", "dev-" + i, "high-cpu", Duration.ofMinutes(i)).incident()).isEmpty();
		}
	}

	@Test
	void shouldNotRaiseAnIncidentForAlertsSpreadOverMoreThanAnHour() {
		for (int tenant = 1; tenant <= 5; tenant++) {
			assertThat(observe("tenant-" + tenant, "dev-1", "high-cpu", Duration.ofMinutes(tenant * 20L)).incident())
				.as("tenant " + tenant)
				.isEmpty();
		}
	}

	@Test
	void shouldEndTheIncidentAfterAQuietHour() {
		for (int tenant = 1; tenant <= 5; tenant++) {
			observe("tenant-" + tenant, "dev-1", "high-cpu", Duration.ofMinutes(tenant));
		}
		CorrelationSession.Correlation late = observe("tenant-9", "dev-1", "high-cpu", Duration.ofMinutes(130));

		assertThat(late.incident()).isEmpty();
	}

	@Test
	void shouldLinkTheSameProblemOnTheSameDeviceWithinThreeHours() {
		observe("acme", "dev-42", "disk-space-low", Duration.ZERO);
		observe("acme", "dev-42", "disk-space-low", Duration.ofMinutes(90));
		CorrelationSession.Correlation third = observe("acme", "dev-42", "disk-space-low", Duration.ofMinutes(170));

		assertThat(third.recurrenceOf()).as("the latest earlier alert").contains(2L);
		assertThat(observe("acme", "dev-42", "high-cpu", Duration.ofMinutes(171)).recurrenceOf()).isEmpty();
		assertThat(observe("other", "dev-42", "disk-space-low", Duration.ofMinutes(172)).recurrenceOf())
			.as("the same device id at another client is another device")
			.isEmpty();
	}

	@Test
	void shouldNotLinkAfterThreeHours() {
		observe("acme", "dev-42", "disk-space-low", Duration.ZERO);
		assertThat(observe("acme", "dev-42", "disk-space-low", Duration.ofMinutes(181)).recurrenceOf()).isEmpty();
	}

	@Test
	void shouldKeepItsWindowAcrossAReload() {
		for (int tenant = 1; tenant <= 4; tenant++) {
			observe("tenant-" + tenant, "dev-1", "high-cpu", Duration.ofMinutes(tenant));
		}
		List<AlertSeen> window = this.session.window();
		this.session.close();
		this.session = new RuleSetCompiler().compileEvents(List.of(RuleFiles.read("correlation/correlation.drl")), "v2")
			.replay(window);

		assertThat(observe("tenant-5", "dev-1", "high-cpu", Duration.ofMinutes(5)).incident()).isPresent();
	}

	private CorrelationSession.Correlation observe(String tenant, String device, String category, Duration after) {
		return this.session
			.observe(new AlertSeen(this.nextAlert++, tenant, device, category, T0.plus(after).toEpochMilli()));
	}

}
