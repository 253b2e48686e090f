package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertEventRepository;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.zeebe.EmbeddedZeebe;
import io.closeloop.engine.zeebe.EngineWatchdog;
import io.closeloop.rules.AlertStatus;

/**
 * Alerts are committed with their process start; while the engine cannot take starts they
 * wait in the outbox, and start later in the order they came, each once.
 */
class ProcessStartOutboxTests extends IntegrationTest {

	@Autowired
	private EmbeddedZeebe zeebe;

	@Autowired
	private EngineWatchdog watchdog;

	@Autowired
	private ProcessStartRepository starts;

	@Autowired
	private AlertEventRepository events;

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private LostProcessReconciler reconciler;

	@Autowired
	private StartAdmission admission;

	@Test
	void shouldAcceptAlertsWhileTheEngineIsDownAndStartThemInOrderOnceItIsBack() {
		ApiClient api = api();
		this.zeebe.stopEngine();
		List<Long> ids = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				ApiClient.Response response = api.postAlert(Alerts.workstationDiskLow());
				assertThat(response.status()).isEqualTo(202);
				ids.add(response.id());
			}
			for (long id : ids) {
				assertThat(api.alert(id).get("status")).isEqualTo("RECEIVED");
				assertThat(this.starts.existsById(id)).as("start of alert %d waits in the outbox", id).isTrue();
			}
		}
		finally {
			for (int probe = 0; probe < 3; probe++) {
				this.watchdog.probe();
			}
		}

		for (long id : ids) {
			Map<String, Object> resolved = api.awaitAlert(id, (alert) -> "RESOLVED".equals(alert.get("status")),
					Duration.ofSeconds(60));
			assertThat(ApiClient.steps(resolved)).filteredOn("Process started"::equals).hasSize(1);
			assertThat(this.starts.existsById(id)).isFalse();
		}
		List<Long> startOrder = ids.stream()
			.sorted(Comparator.comparing((Long id) -> this.events.findByAlertIdOrderByIdAsc(id)
				.stream()
				.filter((event) -> event.getStep().equals("Process started"))
				.findFirst()
				.orElseThrow()
				.getId()))
			.toList();
		assertThat(startOrder).as("started in the order they came").containsExactlyElementsOf(ids);
	}

	@Test
	void shouldResumeALostProcessFromTheOutboxAndHandItToAPersonAfterTooManyResumes() {
		ApiClient api = api();
		Alert lostOnce = inFlight(1);
		Alert lostOften = inFlight(4);

		assertThat(this.reconciler.resume(lostOnce, "a test")).isTrue();
		assertThat(this.reconciler.resume(lostOften, "a test")).isFalse();

		Map<String, Object> resumed = api.awaitAlert(lostOnce.getId(),
				(alert) -> "RESOLVED".equals(alert.get("status")), Duration.ofSeconds(30));
		assertThat(ApiClient.steps(resumed)).contains("Process lost", "Process started");
		assertThat(this.alerts.findById(lostOnce.getId()).orElseThrow().getProcessGeneration()).isEqualTo(2);
		Map<String, Object> escalated = api.alert(lostOften.getId());
		assertThat(escalated.get("status")).isEqualTo("ESCALATED");
		assertThat((String) escalated.get("escalationReason")).contains("after 3 resume(s)");
		assertThat(this.starts.existsById(lostOften.getId())).isFalse();
	}

	@Test
	void shouldResumeAnAlertOfWhichNothingWasHeardForTooLong() {
		ApiClient api = api();
		Alert silent = inFlight(1);
		Alert heardFrom = inFlight(1);
		this.events.saveAndFlush(AlertFixtures.event(heardFrom.getId(), Instant.now(), "Remediating", "still at it"));

		this.reconciler.resumeSilentSince(Instant.now().minusSeconds(1));

		assertThat(this.starts.existsById(heardFrom.getId())).as("an alert still heard from is left alone").isFalse();
		Map<String, Object> resumed = api.awaitAlert(silent.getId(), (alert) -> "RESOLVED".equals(alert.get("status")),
				Duration.ofSeconds(30));
		assertThat(ApiClient.steps(resumed)).contains("Process lost");
	}

	@Test
	void shouldLetFewerProcessesRunWhileAStormOfAlertsComesIn() throws InterruptedException {
		// The defaults: 50 busy processes, 5 from 20 new alerts per second.
		for (int i = 0; i < 19; i++) {
			this.admission.alertAccepted();
		}
		assertThat(api().postAlert(Alerts.workstationDiskLow()).status()).isEqualTo(202);
		assertThat(this.admission.maxBusyNow()).as("the twentieth alert in a second, through the API").isEqualTo(5);

		Thread.sleep(1100);
		assertThat(this.admission.maxBusyNow()).as("a second after the storm").isEqualTo(50);
	}

	/** An alert whose process was started {@code generation} times and then lost. */
	private Alert inFlight(int generation) {
		String hostname = "ACME-WS-" + Alerts.shortId();
		Alert alert = AlertFixtures.alert("test", Alerts.uniqueId(), "disk.space.low", "C: free space 4%", hostname,
				"Windows 11", "workstation", Map.of("diskFreePct", 4.0), null);
		Alert saved = this.alerts.saveAndFlush(AlertFixtures.movedTo(alert, AlertStatus.REMEDIATING));
		this.alerts.processStarted(saved.getId(), generation);
		return this.alerts.findById(saved.getId()).orElseThrow();
	}

}
