package io.closeloop.workers.ticket;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DocumentationLink;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.enrichment.EnrichAlertWorker.Enrichment;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.simulator.SimulatedPsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The documentation gathered during enrichment reaches the note a technician reads when
 * the alert is handed over, through the process variables as Zeebe keeps them (JSON), and
 * stays out of the note the customer sees.
 */
class DocumentationInTicketNotesTests {

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	private final TicketRef ticket = this.psa.openTicket(TestAlerts.diskLow(7, "ACME-WS-042"), "summary", "description",
			"alert-7:open-ticket");

	@Test
	void shouldListTheDocumentationInTheEscalationNote() {
		when(this.job.getVariablesAsMap()).thenReturn(variables(new Enrichment(device(), List.of(),
				List.of(new DocumentationLink("configuration", "ACME-WS-042",
						"https://acme-msp.itglue.com/2701/configurations/88001", "Workstation, Windows 11 Pro"),
						new DocumentationLink("runbook", "Disk cleanup runbook",
								"https://acme-msp.itglue.com/2701/assets/records/5501", null)),
				null)));

		new EscalateWorker(this.psa, new InMemorySideEffects(), this.journal).escalate(this.job, 7L, this.ticket,
				"Fix not verified", null, null);

		SimulatedPsa.Note note = lastNote();
		assertThat(note.internal()).isTrue();
		assertThat(note.text()).contains("Documentation:\n"
				+ "- ACME-WS-042: https://acme-msp.itglue.com/2701/configurations/88001 (Workstation, Windows 11 Pro)\n"
				+ "- Disk cleanup runbook: https://acme-msp.itglue.com/2701/assets/records/5501\n");
	}

	@Test
	void shouldSayInTheEscalationNoteThatDocumentationWasUnavailable() {
		when(this.job.getVariablesAsMap()).thenReturn(variables(new Enrichment(device(), List.of(), List.of(),
				"Documentation unavailable (hudu): Hudu company failed after 3 attempt(s); last: HTTP 503")));

		new EscalateWorker(this.psa, new InMemorySideEffects(), this.journal).escalate(this.job, 7L, this.ticket,
				"Fix not verified", null, null);

		assertThat(lastNote().text())
			.contains("Documentation unavailable (hudu): Hudu company failed after 3 attempt(s); last: HTTP 503\n");
	}

	@Test
	void shouldKeepDocumentationOutOfTheCustomerVisibleResolutionNote() {
		when(this.job.getVariablesAsMap())
			.thenReturn(variables(new Enrichment(device(), List.of(), List.of(new DocumentationLink("organization",
					"Acme Corp", "https://acme-msp.itglue.com/2701", "Alarm code 4711")), null)));

		new CloseTicketWorker(this.psa, new InMemorySideEffects(), this.journal).close(this.job, 7L, this.ticket);

		SimulatedPsa.Note resolution = this.psa.tickets()
			.get(0)
			.notes()
			.stream()
			.filter((note) -> note.text().startsWith("Resolved by Closeloop"))
			.findFirst()
			.orElseThrow();
		assertThat(resolution.internal()).isFalse();
		assertThat(resolution.text()).doesNotContain("Acme Corp").doesNotContain("itglue").doesNotContain("4711");
	}

	private SimulatedPsa.Note lastNote() {
		List<SimulatedPsa.Note> notes = this.psa.tickets().get(0).notes();
		return notes.get(notes.size() - 1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> variables(Enrichment enrichment) {
		// As the engine hands variables back: JSON read into maps and lists.
		Map<String, Object> variables = new HashMap<>();
		variables.put("enrichment", new ObjectMapper().convertValue(enrichment, Map.class));
		variables.put("escalatedTo", "a technician");
		return variables;
	}

	private static DeviceFacts device() {
		return new DeviceFacts("dev-ACME-WS-042", "ACME-WS-042", true, "Windows 11", "2024-11-21T09:06:40Z", Map.of());
	}

}
