package io.closeloop.workers.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DocumentationConnector;
import io.closeloop.workers.connector.DocumentationLink;
import io.closeloop.workers.connector.NoDocumentation;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.enrichment.EnrichAlertWorker.Enrichment;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.simulator.SimulatedPsa;
import io.closeloop.workers.scope.DeviceScopeCheck;
import io.closeloop.workers.simulator.SimulatedRmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class EnrichAlertWorkerTests {

	private static final DocumentationLink RUNBOOK = new DocumentationLink("runbook", "Disk cleanup runbook",
			"https://acme-msp.itglue.com/2701/assets/records/5501", "steps: empty C:\\Windows\\Temp");

	private final SimulatedRmm rmm = new SimulatedRmm(Clock.systemUTC(), Duration.ZERO);

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	@Test
	void shouldGatherWhereTheClientAndTheDeviceAreDocumented() {
		EnrichAlertWorker worker = new EnrichAlertWorker(this.rmm, this.psa, new Answering(List.of(RUNBOOK)),
				this.journal, new DeviceScopeCheck(this.rmm, this.journal));

		Enrichment enrichment = enrichment(worker.enrich(this.job, variables(), null));

		assertThat(enrichment.documentation()).containsExactly(RUNBOOK);
		assertThat(enrichment.documentationNote()).isNull();
		assertThat(enrichment.device().hostname()).isEqualTo("ACME-WS-042");
		verify(this.journal).step(eq(7L), eq("Enriched"), contains("1 documentation link(s)"));
	}

	@Test
	void shouldEnrichTheAlertWhenTheDocumentationSystemIsDown() {
		EnrichAlertWorker worker = new EnrichAlertWorker(this.rmm, this.psa,
				new Failing(new ConnectorException("IT Glue organization failed after 3 attempt(s); last: HTTP 503")),
				this.journal, new DeviceScopeCheck(this.rmm, this.journal));

		Enrichment enrichment = enrichment(worker.enrich(this.job, variables(), null));

		assertThat(enrichment.documentation()).isEmpty();
		assertThat(enrichment.documentationNote()).isEqualTo(
				"Documentation unavailable (itglue): IT Glue organization failed after 3 attempt(s); last: HTTP 503");
		assertThat(enrichment.device()).isNotNull();
		verify(this.journal).step(eq(7L), eq("Enriched"), contains("documentation unavailable"));
	}

	@Test
	void shouldEnrichTheAlertWhenTheDocumentationSystemRefusesTheKey() {
		EnrichAlertWorker worker = new EnrichAlertWorker(this.rmm, this.psa,
				new Failing(new VendorRejectedException("IT Glue", "organization", 403,
						"the API key was refused; check closeloop.docs.itglue.api-key")),
				this.journal, new DeviceScopeCheck(this.rmm, this.journal));

		Enrichment enrichment = enrichment(worker.enrich(this.job, variables(), null));

		assertThat(enrichment.documentationNote()).startsWith("Documentation unavailable (itglue): IT Glue rejected")
			.contains("check closeloop.docs.itglue.api-key");
	}

	@Test
	void shouldReadNothingOfADeviceThatIsAnotherClients() {
		this.rmm.scopeOf(TestAlerts.diskLow(6, "ACME-WS-042", "acme"));
		EnrichAlertWorker worker = new EnrichAlertWorker(this.rmm, this.psa, new NoDocumentation(), this.journal,
				new DeviceScopeCheck(this.rmm, this.journal));
		AlertContext globex = TestAlerts.diskLow(8, "ACME-WS-042", "globex");

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(() -> worker.enrich(this.job,
					new AlertVariables(8L, "globex",
							new AlertVariables.Fields("datto-rmm", "a-8", globex.type(), globex.severity(),
									globex.message(), globex.metrics()),
							globex.device()),
					null))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("DEVICE_OUT_OF_SCOPE"))
			.withMessageContaining("nothing was done to the device");
		verify(this.journal).step(eq(8L), eq("Device out of scope"),
				eq("before enrichment: device dev-ACME-WS-042 is not in simulated client globex (tenant globex's)"));
		verify(this.journal, never()).step(eq(8L), eq("Enriched"), any());
	}

	@Test
	void shouldSayNothingAboutDocumentationWithoutADocumentationSystem() {
		EnrichAlertWorker worker = new EnrichAlertWorker(this.rmm, this.psa, new NoDocumentation(), this.journal,
				new DeviceScopeCheck(this.rmm, this.journal));

		Enrichment enrichment = enrichment(worker.enrich(this.job, variables(), null));

		assertThat(enrichment.documentation()).isEmpty();
		assertThat(enrichment.documentationNote()).isNull();
	}

	private AlertVariables variables() {
		return new AlertVariables(
				this.alert.alertId(), this.alert.tenant(), new AlertVariables.Fields("datto-rmm", "a-7",
						this.alert.type(), this.alert.severity(), this.alert.message(), this.alert.metrics()),
				this.alert.device());
	}

	private static Enrichment enrichment(Map<String, Object> result) {
		return (Enrichment) result.get("enrichment");
	}

	/** A documentation system that knows the given links. */
	private record Answering(List<DocumentationLink> links) implements DocumentationConnector {

		@Override
		public String system() {
			return "itglue";
		}

		@Override
		public List<DocumentationLink> lookUp(AlertContext alert) {
			return this.links;
		}

	}

	/** A documentation system that fails as given. */
	private record Failing(RuntimeException failure) implements DocumentationConnector {

		@Override
		public String system() {
			return "itglue";
		}

		@Override
		public List<DocumentationLink> lookUp(AlertContext alert) {
			throw this.failure;
		}

	}

}
