package io.closeloop.engine.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/**
 * Correlation in the running application: storms become one incident, recurrences one
 * ticket.
 */
class CorrelationTests extends IntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void shouldTurnTheSameAlertFromFiveClientsIntoOneIncidentWithOneTicket() {
		ApiClient api = api();
		String run = Alerts.shortId();
		List<Long> ids = new ArrayList<>();
		for (int client = 1; client <= 6; client++) {
			ids.add(api.postAlert(cpuHigh("storm-" + run + "-" + client)).id());
		}

		Map<String, Object> fifth = api.awaitStatus(ids.get(4), "ESCALATED");
		Map<String, Object> sixth = api.awaitStatus(ids.get(5), "ESCALATED");
		assertThat(ApiClient.decision(fifth)).containsEntry("path", "PERSON");
		assertThat((String) fifth.get("escalationReason")).contains("cross-tenant incident");
		assertThat(fifth.get("incidentId")).isNotNull().isEqualTo(sixth.get("incidentId"));
		for (long id : ids) {
			assertThat(api.alert(id).get("incidentId")).as("alert " + id).isEqualTo(fifth.get("incidentId"));
		}
		Map<String, Object> incidentTicket = api.ticketOf(fifth);
		assertThat(((Map<String, Object>) sixth.get("ticket")).get("id")).isEqualTo(incidentTicket.get("id"));
		assertThat((String) incidentTicket.get("summary")).startsWith("[Closeloop] Cross-tenant incident");
		assertThat(api.simulator("script-runs"))
			.noneMatch((scriptRun) -> String.valueOf(scriptRun.get("hostname")).startsWith("STORM-" + run));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldPutARecurrenceOnTheEarlierAlertsTicket() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		Map<String, Object> first = api
			.awaitStatus(api.postAlert(Alerts.diskLow(hostname, "workstation", "Windows 11")).id(), "RESOLVED");

		Map<String, Object> again = api
			.awaitStatus(api.postAlert(Alerts.diskLow(hostname, "workstation", "Windows 11")).id(), "RESOLVED");

		assertThat(again.get("recurrenceOf")).isEqualTo(first.get("id"));
		assertThat(((Map<String, Object>) again.get("ticket")).get("id"))
			.isEqualTo(((Map<String, Object>) first.get("ticket")).get("id"));
		assertThat(ApiClient.steps(again)).contains("Recurrence", "Ticket updated").doesNotContain("Ticket opened");
	}

	private static String cpuHigh(String tenant) {
		return """
				{"source":"ninjaone","externalId":"%s","tenant":"%s",
				 "device":{"id":"dev-%s-1","hostname":"%s","os":"Windows 11","role":"workstation"},
				 "type":"cpu.high","severity":"warning","message":"CPU above 95%% for 15 minutes"}
				""".formatted(Alerts.uniqueId(), tenant, tenant, tenant.toUpperCase() + "-WS-1");
	}

}
