package io.closeloop.engine.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.IntegrationTest;

/**
 * An instance that takes correlation over (at its start, or after the leader died)
 * correlates with the alerts other instances correlated before: its window is rebuilt
 * from the database, not started empty.
 */
class CorrelationRebuildTests extends IntegrationTest {

	@Autowired
	private AlertCorrelator correlator;

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldFindTheIncidentOfAlertsAnotherInstanceCorrelatedAfterARebuild() {
		// A category of this test's own, so no other test's alerts count.
		String category = "rebuild-test-" + Alerts.shortId();
		List<Long> before = new ArrayList<>();
		for (int client = 1; client <= 4; client++) {
			// Correlated elsewhere: stored classified, their starts gone from the outbox.
			before.add(this.alerts.saveAndFlush(AlertFixtures.classified("rebuild-" + client, category)).getId());
		}

		assertThat(this.correlator.rebuildWindow()).isGreaterThanOrEqualTo(4);
		Alert fifth = this.alerts.saveAndFlush(AlertFixtures.classified("rebuild-5", category));
		this.correlator.correlate(fifth);

		Long incident = this.alerts.findById(fifth.getId()).orElseThrow().getIncidentId();
		assertThat(incident).as("the fifth client's alert makes the incident").isNotNull();
		for (long id : before) {
			assertThat(this.alerts.findById(id).orElseThrow().getIncidentId()).as("alert %d", id).isEqualTo(incident);
		}
	}

}
