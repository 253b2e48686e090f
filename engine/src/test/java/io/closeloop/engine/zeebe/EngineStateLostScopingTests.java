package io.closeloop.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.rules.AlertStatus;

/**
 * When an embedded engine starts empty, only what an earlier embedded engine held is
 * taken as lost: the alerts, approval tasks and pending actions of the engine running
 * now, and of a cluster another instance works with, are left alone.
 */
class EngineStateLostScopingTests extends IntegrationTest {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private EngineIncarnation engine;

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void shouldLetGoOnlyOfWhatAnEarlierEmbeddedEngineHeld() {
		String current = this.engine.current();
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("earlier", "embedded:earlier-" + Alerts.shortId());
		tags.put("current", current);
		tags.put("cluster", EngineIncarnation.CLUSTER);
		Map<String, Long> alertOf = new LinkedHashMap<>();
		tags.forEach((name, tag) -> {
			// An alert waiting for approval, so its resumed process (if any) waits too.
			Alert alert = this.alerts.saveAndFlush(AlertFixtures.movedTo(
					AlertFixtures.alert("datto-rmm", "scope-" + name + "-" + Alerts.shortId(), "disk.space.low", "m",
							"SCOPE-" + name.toUpperCase(), "Windows Server 2022", "server", Map.of(), null),
					AlertStatus.AWAITING_APPROVAL));
			this.alerts.processStarted(alert.getId(), 1);
			this.alerts.processRunsOn(alert.getId(), tag);
			alertOf.put(name, alert.getId());
			Timestamp now = Timestamp.from(Instant.now());
			this.jdbc.update("insert into approval_task (job_key, alert_id, process_instance_key, element_instance_key,"
					+ " created_at, due_at, state, version, engine_incarnation) values (?, ?, 1, 1, ?, ?, 'OPEN', 0, ?)",
					-alert.getId(), alert.getId(), now, now, tag);
			this.jdbc.update("insert into side_effect (idempotency_key, created_at, state, engine_incarnation)"
					+ " values (?, ?, 'PENDING', ?)", "scope-" + alert.getId(), now, tag);
		});

		this.events.publishEvent(new EngineStateLost("a test", current));

		assertThat(taskState(alertOf.get("earlier"))).isEqualTo("MOOT");
		assertThat(taskState(alertOf.get("current"))).isEqualTo("OPEN");
		assertThat(taskState(alertOf.get("cluster"))).isEqualTo("OPEN");
		assertThat(sideEffectState(alertOf.get("earlier"))).isEqualTo("UNKNOWN");
		assertThat(sideEffectState(alertOf.get("current"))).isEqualTo("PENDING");
		assertThat(sideEffectState(alertOf.get("cluster"))).isEqualTo("PENDING");
		assertThat(this.alerts.findById(alertOf.get("earlier")).orElseThrow().getProcessGeneration())
			.as("the earlier engine's alert is started again")
			.satisfiesAnyOf((generation) -> assertThat(generation).isEqualTo(2),
					(generation) -> assertThat(startWaits(alertOf.get("earlier"))).isTrue());
		assertThat(startWaits(alertOf.get("current"))).isFalse();
		assertThat(startWaits(alertOf.get("cluster"))).isFalse();
		assertThat(this.alerts.findById(alertOf.get("cluster")).orElseThrow().getProcessGeneration()).isEqualTo(1);
		assertThat(this.alerts.findById(alertOf.get("current")).orElseThrow().getProcessGeneration()).isEqualTo(1);
	}

	private String taskState(long alertId) {
		return this.jdbc.queryForObject("select state from approval_task where alert_id = ?", String.class, alertId);
	}

	private String sideEffectState(long alertId) {
		return this.jdbc.queryForObject("select state from side_effect where idempotency_key = ?", String.class,
				"scope-" + alertId);
	}

	private boolean startWaits(long alertId) {
		return this.jdbc.queryForObject("select count(*) from process_start where alert_id = ?", Long.class,
				alertId) > 0;
	}

}
