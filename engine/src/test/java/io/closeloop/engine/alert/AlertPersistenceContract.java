package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import io.closeloop.rules.ActionPath;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.Tier;
import io.closeloop.rules.AlertStatus;

/**
 * What the alert tables must do on every database Closeloop runs on; one subclass per
 * database.
 */
abstract class AlertPersistenceContract {

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private AlertEventRepository events;

	@Autowired
	private DecisionRecordRepository decisions;

	@Autowired
	private FullMessageRepository fullMessages;

	@Test
	void shouldStoreAnAlertAndReadItBack() {
		Instant occurred = Instant.parse("2026-11-21T10:15:00Z");
		Alert saved = this.alerts.saveAndFlush(alert("a-1", "C: free space 4%", occurred));
		saved.decided(this.decisions.saveAndFlush(new DecisionRecord(saved.getId(), "acme", Instant.now(), "{}",
				new Decision("disk-space-low", Tier.L1, "disk-cleanup", "disk-free-above-threshold", 0.95,
						List.of("Disk space low", "Known fix on a workstation acts alone"), List.of("L1: workstation"),
						AutonomyMode.AUTONOMOUS, ActionPath.Path.ACT, List.of("earned"), "v1"))));
		saved.ticket("simulator", "SIM-1001");
		saved.moveTo(AlertStatus.RESOLVED);
		this.alerts.saveAndFlush(saved);

		Alert found = this.alerts.findByTenantAndSourceAndExternalId("acme", "datto-rmm", "a-1").orElseThrow();
		assertThat(found.getStatus()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(found.getOccurredAt()).isEqualTo(occurred);
		assertThat(found.getMetrics()).isEqualTo(Map.of("diskFreePct", 4.0));
		Decision decision = this.decisions.findByAlertIdOrderByIdAsc(found.getId()).get(0).decision();
		assertThat(decision.tier()).isEqualTo(Tier.L1);
		assertThat(decision.confidence()).isEqualTo(0.95);
		assertThat(decision.rulesFired()).containsExactly("Disk space low", "Known fix on a workstation acts alone");
		assertThat(found.getTicketId()).isEqualTo("SIM-1001");
		assertThat(decision.mode()).isEqualTo(AutonomyMode.AUTONOMOUS);
		assertThat(decision.path()).isEqualTo(ActionPath.Path.ACT);
	}

	@Test
	void shouldRefuseASecondAlertFromTheSameSourceWithTheSameId() {
		this.alerts.saveAndFlush(alert("a-2", "first", null));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.alerts.saveAndFlush(alert("a-2", "again", null)));
	}

	@Test
	void shouldKeepLongTexts() {
		String message = "x".repeat(3000) + " <script>alert(1)</script> " + "é".repeat(900);
		Alert saved = this.alerts.saveAndFlush(alert("a-3", message, null));
		assertThat(this.alerts.findById(saved.getId()).orElseThrow().getMessage()).isEqualTo(message);
	}

	@Test
	void shouldKeepAWholeMessageAsLongAsAnAlertKeeps() {
		// Characters of one, two, three and four bytes in UTF-8, to the longest kept.
		String unit = "Disk 0: é – 😀 ";
		String whole = unit.repeat(FittedAlert.MAX_FULL_MESSAGE / unit.length() + 1)
			.substring(0, FittedAlert.MAX_FULL_MESSAGE - 1);
		Alert saved = this.alerts
			.saveAndFlush(alert("a-whole-message", FittedAlert.cut(whole, FittedAlert.MESSAGE), null));
		this.fullMessages.saveAndFlush(new FullMessage(saved.getId(), whole));

		assertThat(this.fullMessages.findLengthByAlertId(saved.getId())).contains(whole.length());
		assertThat(this.fullMessages.findById(saved.getId()).orElseThrow().getText()).isEqualTo(whole);
		assertThat(this.alerts.findById(saved.getId()).orElseThrow().getMessage()).hasSize(FittedAlert.MESSAGE);
		assertThat(this.fullMessages.findLengthByAlertId(987_654_321L)).isEmpty();
	}

	@Test
	void shouldKeepTheTimelineInTheOrderItHappenedEvenWithinOneSecond() {
		Alert saved = this.alerts.saveAndFlush(alert("a-4", "m", null));
		Instant sameSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (String step : List.of("Received", "Process started", "Ticket opened", "Enriched", "Decided")) {
			this.events.saveAndFlush(new AlertEvent(saved.getId(), sameSecond, step, null));
		}
		assertThat(this.events.findByAlertIdOrderByIdAsc(saved.getId())).extracting(AlertEvent::getStep)
			.containsExactly("Received", "Process started", "Ticket opened", "Enriched", "Decided");
	}

	private static Alert alert(String externalId, String message, Instant occurredAt) {
		return AlertFixtures.alert("datto-rmm", externalId, "disk.space.low", message, "ACME-WS-042", "Windows 11",
				"workstation", Map.of("diskFreePct", 4.0), occurredAt);
	}

}
