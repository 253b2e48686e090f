package io.closeloop.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.DecisionRecord;
import io.closeloop.engine.alert.DecisionRecordRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

class RulesApiTests extends IntegrationTest {

	@Autowired
	private DecisionRecordRepository decisions;

	@Test
	@SuppressWarnings("unchecked")
	void shouldTellWhichRulesDecideNow() {
		ApiClient api = api();
		ApiClient.Response response = api
			.send(HttpRequest.newBuilder(api.uri("/api/rules")).header("X-Api-Key", ApiClient.DEMO_KEY).build());

		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> rules = response.json();
		assertThat((String) rules.get("version")).hasSize(12);
		assertThat((Integer) rules.get("ruleCount")).isGreaterThan(30);
		assertThat((List<String>) rules.get("files")).contains("classification/classification.drl",
				"correlation/correlation.drl", "autonomy/autonomy.drl");
		assertThat((List<Object>) rules.get("errors")).isEmpty();
	}

	@Test
	void shouldKeepEveryDecisionForAudit() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.workstationDiskLow()).id();
		Map<String, Object> alert = api.awaitStatus(id, "RESOLVED");

		List<DecisionRecord> records = this.decisions.findByAlertIdOrderByIdAsc(id);
		assertThat(records).hasSize(1);
		DecisionRecord record = records.get(0);
		assertThat(record.getRuleSetVersion()).isEqualTo(ApiClient.decision(alert).get("ruleSetVersion"));
		assertThat(record.getInputJson()).contains("\"type\":\"disk.space.low\"", "\"deviceRole\":\"workstation\"");
		assertThat(record.getTier()).isEqualTo("L1");
		assertThat(record.getPath()).isEqualTo("ACT");
		assertThat(record.getRulesFired()).contains("Known fix on a workstation acts alone");
	}

	@Test
	void shouldRefuseWithoutAKey() {
		ApiClient api = api();
		assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/rules")).build()).status()).isEqualTo(401);
	}

}
