package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;

import io.closeloop.rules.ActionPath;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.Tier;
import io.closeloop.workers.journal.AlertStatus;

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
	private ProcessStartRepository starts;

	@Test
	void shouldStoreAnAlertAndReadItBack() {
		Instant occurred = Instant.parse("2026-11-21T10:15:00Z");
		Alert saved = this.alerts.saveAndFlush(alert("a-1", "C: free space 4%", occurred));
		saved.decided(new Decision("disk-space-low", Tier.L1, "disk-cleanup", "disk-free-above-threshold", 0.95,
				List.of("Disk space low", "Known fix on a workstation acts alone"), List.of("L1: workstation"),
				AutonomyMode.AUTONOMOUS, ActionPath.Path.ACT, List.of("earned")), "v1");
		saved.ticket("simulator", "SIM-1001");
		saved.moveTo(AlertStatus.RESOLVED);
		this.alerts.saveAndFlush(saved);

		Alert found = this.alerts.findBySourceAndExternalId("datto-rmm", "a-1").orElseThrow();
		assertThat(found.getStatus()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(found.getOccurredAt()).isEqualTo(occurred);
		assertThat(found.getMetricsJson()).isEqualTo("{\"diskFreePct\":4.0}");
		assertThat(found.getDecisionTier()).isEqualTo("L1");
		assertThat(found.getDecisionConfidence()).isEqualTo(0.95);
		assertThat(found.getDecisionRulesFired()).isEqualTo("Disk space low\nKnown fix on a workstation acts alone");
		assertThat(found.getTicketId()).isEqualTo("SIM-1001");
		assertThat(found.getDecisionMode()).isEqualTo("AUTONOMOUS");
		assertThat(found.getDecisionPath()).isEqualTo("ACT");
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
	void shouldKeepTheTimelineInTheOrderItHappenedEvenWithinOneSecond() {
		Alert saved = this.alerts.saveAndFlush(alert("a-4", "m", null));
		Instant sameSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (String step : List.of("Received", "Process started", "Ticket opened", "Enriched", "Decided")) {
			this.events.saveAndFlush(new AlertEvent(saved.getId(), sameSecond, step, null));
		}
		assertThat(this.events.findByAlertIdOrderByIdAsc(saved.getId())).extracting(AlertEvent::getStep)
			.containsExactly("Received", "Process started", "Ticket opened", "Enriched", "Decided");
	}

	@Test
	void shouldHandOutDueStartsInTheOrderTheAlertsCame() {
		// Whole milliseconds: a database may round sub-microsecond digits up.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Alert first = this.alerts.saveAndFlush(alert("a-5", "m", null));
		Alert second = this.alerts.saveAndFlush(alert("a-6", "m", null));
		Alert later = this.alerts.saveAndFlush(alert("a-7", "m", null));
		// Stored out of order, and one not due yet.
		this.starts.saveAndFlush(new ProcessStart(second.getId(), 1, "received", now, now));
		this.starts.saveAndFlush(new ProcessStart(later.getId(), 1, "received", now, now.plusSeconds(60)));
		this.starts.saveAndFlush(new ProcessStart(first.getId(), 1, "received", now, now));

		List<Long> mine = List.of(first.getId(), second.getId(), later.getId());
		assertThat(this.starts.findByDueAtLessThanEqualOrderByAlertIdAsc(now, PageRequest.of(0, 10)))
			.extracting(ProcessStart::getAlertId)
			.filteredOn(mine::contains)
			.containsExactly(first.getId(), second.getId());
		assertThat(this.starts.allDueNow(now)).isPositive();
		assertThat(this.starts.correlated(later.getId())).isEqualTo(1);
		assertThat(this.starts.findById(later.getId()).orElseThrow().isCorrelated()).isTrue();
		assertThat(this.starts.findByDueAtLessThanEqualOrderByAlertIdAsc(now, PageRequest.of(0, 10)))
			.extracting(ProcessStart::getAlertId)
			.filteredOn(mine::contains)
			.containsExactly(first.getId(), second.getId(), later.getId());
	}

	@Test
	void shouldCountAnAlertInFlightOnlyOnceItsStartLeftTheOutbox() {
		Instant now = Instant.now();
		Alert running = this.alerts.saveAndFlush(alert("a-8", "m", null));
		Alert waiting = this.alerts.saveAndFlush(alert("a-9", "m", null));
		Alert neverStarted = this.alerts.saveAndFlush(alert("a-10", "m", null));
		assertThat(this.alerts.processStarted(running.getId(), 1)).isEqualTo(1);
		assertThat(this.alerts.processStarted(running.getId(), 1)).as("a generation is recorded once").isZero();
		assertThat(this.alerts.processStarted(waiting.getId(), 1)).isEqualTo(1);
		this.starts.saveAndFlush(new ProcessStart(waiting.getId(), 2, "resumed", now, now));

		assertThat(this.alerts.findInFlight(EnumSet.of(AlertStatus.RESOLVED, AlertStatus.ESCALATED)))
			.extracting(Alert::getId)
			.contains(running.getId())
			.doesNotContain(waiting.getId(), neverStarted.getId());
	}

	private static Alert alert(String externalId, String message, Instant occurredAt) {
		return new Alert("acme", "datto-rmm", externalId, "disk.space.low", "warning", message, "dev-42", "ACME-WS-042",
				"Windows 11", "workstation", "{\"diskFreePct\":4.0}", occurredAt, Instant.now());
	}

}
