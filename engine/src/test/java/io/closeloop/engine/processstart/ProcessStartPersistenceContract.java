package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.rules.AlertStatus;

/**
 * What the outbox table must do on every database Closeloop runs on; one subclass per
 * database.
 */
abstract class ProcessStartPersistenceContract {

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private ProcessStartRepository starts;

	@Test
	void shouldHandOutDueStartsInTheOrderTheAlertsCame() {
		// Whole milliseconds: a database may round sub-microsecond digits up.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Alert first = this.alerts.saveAndFlush(alert("a-5", "m", null));
		Alert second = this.alerts.saveAndFlush(alert("a-6", "m", null));
		Alert later = this.alerts.saveAndFlush(alert("a-7", "m", null));
		// Stored out of order, and one not due yet.
		this.starts.saveAndFlush(new ProcessStart(second.getId(), 1, "received", now));
		this.starts.saveAndFlush(new ProcessStart(later.getId(), 1, "received", now.plusSeconds(60)));
		this.starts.saveAndFlush(new ProcessStart(first.getId(), 1, "received", now));

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
		this.starts.saveAndFlush(new ProcessStart(waiting.getId(), 2, "resumed", now));

		assertThat(this.alerts.findInFlight(EnumSet.of(AlertStatus.RESOLVED, AlertStatus.ESCALATED)))
			.extracting(Alert::getId)
			.contains(running.getId())
			.doesNotContain(waiting.getId(), neverStarted.getId());
	}

	private static Alert alert(String externalId, String message, Instant occurredAt) {
		return AlertFixtures.alert("datto-rmm", externalId, "disk.space.low", message, "ACME-WS-042", "Windows 11",
				"workstation", Map.of("diskFreePct", 4.0), occurredAt);
	}

}
