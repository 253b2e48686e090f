package io.closeloop.engine.autonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import io.closeloop.engine.TimeConfiguration;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.ui.autonomy.ModeChange;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:autonomy;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
		"closeloop.autonomy.initial-mode=SHADOW", "closeloop.autonomy.initial-modes.printer-jam=APPROVAL" })
@Import({ AutonomyLedger.class, TimeConfiguration.class })
@EnableConfigurationProperties(AutonomyProperties.class)
class AutonomyLedgerTests {

	@Autowired
	private AutonomyLedger ledger;

	@Autowired
	private JdbcTemplate jdbc;

	private long nextAlert;

	@BeforeEach
	void alerts() {
		this.nextAlert = 1;
	}

	@Test
	void shouldStartANewCategoryInShadowUnlessConfigured() {
		assertThat(this.ledger.modeOf("certificate-expiring")).isEqualTo(AutonomyMode.SHADOW);
		assertThat(this.ledger.modeOf("printer-jam")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.recentChanges(10)).extracting(ModeChange::reason).contains("first seen: initial mode");
	}

	@Test
	void shouldPromoteFromShadowOnlyOnEnoughGoodEvidence() {
		record(34, "certificate-expiring", AutonomyMode.SHADOW, "L1", "SHADOW", true);
		assertThat(this.ledger.modeOf("certificate-expiring")).as("34 of 34: lower bound 0.897 < 0.9")
			.isEqualTo(AutonomyMode.SHADOW);

		record(1, "certificate-expiring", AutonomyMode.SHADOW, "L1", "SHADOW", true);
		assertThat(this.ledger.modeOf("certificate-expiring")).as("35 of 35: lower bound 0.901")
			.isEqualTo(AutonomyMode.APPROVAL);
		ModeChange promotion = this.ledger.recentChanges(1).get(0);
		assertThat(promotion.toMode()).isEqualTo("APPROVAL");
		assertThat(promotion.outcomes()).isEqualTo(35);
		assertThat(promotion.reason()).startsWith("earned: 35 of 35 succeeded");
	}

	@Test
	void shouldNotPromoteOnAPoorRecord() {
		record(10, "high-cpu", AutonomyMode.SHADOW, "L2", "SHADOW", false);
		record(40, "high-cpu", AutonomyMode.SHADOW, "L2", "SHADOW", true);
		assertThat(this.ledger.modeOf("high-cpu")).isEqualTo(AutonomyMode.SHADOW);
	}

	@Test
	void shouldEarnAutonomyOnlyFromL1EvidenceAndCountAfreshAfterAChange() {
		this.ledger.setMode("printer-offline", "APPROVAL", "supervisor", "trusted after review");
		record(50, "printer-offline", AutonomyMode.APPROVAL, "L2", "APPROVE", true);
		assertThat(this.ledger.modeOf("printer-offline")).as("L2 approvals never make a category autonomous")
			.isEqualTo(AutonomyMode.APPROVAL);

		record(35, "printer-offline", AutonomyMode.APPROVAL, "L1", "APPROVE", true);
		assertThat(this.ledger.modeOf("printer-offline")).isEqualTo(AutonomyMode.AUTONOMOUS);
	}

	@Test
	void shouldDemoteAtOnceWhenAFixItRanAloneFails() {
		this.ledger.setMode("certificate-expiring", "AUTONOMOUS", "supervisor", "demo");
		record(1, "certificate-expiring", AutonomyMode.AUTONOMOUS, "L1", "ACT", false);

		assertThat(this.ledger.modeOf("certificate-expiring")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.recentChanges(1).get(0).reason()).startsWith("a fix it ran alone failed");
	}

	@Test
	void shouldRecordAnAlertsOutcomeOnlyOnce() {
		long alert = newAlert();
		AutonomyEvidence evidence = new AutonomyEvidence(alert, "certificate-expiring", AutonomyMode.SHADOW, "L1",
				"SHADOW", true, AutonomyEvidence.Source.AUTOMATED, "verified", "closeloop");
		this.ledger.record(evidence);
		this.ledger.record(evidence);

		assertThat(this.ledger.standings()).filteredOn((s) -> s.category().equals("certificate-expiring"))
			.singleElement()
			.satisfies((standing) -> assertThat(standing.outcomes()).isEqualTo(1));
	}

	private void record(int times, String category, AutonomyMode mode, String tier, String path, boolean success) {
		for (int i = 0; i < times; i++) {
			this.ledger.record(new AutonomyEvidence(newAlert(), category, mode, tier, path, success,
					AutonomyEvidence.Source.AUTOMATED, success ? "verified" : "not verified", "closeloop"));
		}
	}

	private long newAlert() {
		long id = this.nextAlert++;
		this.jdbc.update("insert into alert (id, tenant, source, external_id, type, severity, message, device_id, "
				+ "received_at, status) values (?, 'acme', 'test', ?, 'disk.space.low', 'warning', 'm', 'dev-1', "
				+ "CURRENT_TIMESTAMP, 'RESOLVED')", id, "a-" + id);
		return id;
	}

}
