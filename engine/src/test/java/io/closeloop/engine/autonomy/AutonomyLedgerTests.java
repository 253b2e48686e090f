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
import io.closeloop.ui.autonomy.AutonomyBoard;
import io.closeloop.ui.autonomy.ModeChange;
import io.closeloop.ui.security.TenantScope;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:autonomy;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
		"closeloop.autonomy.initial-mode=SHADOW", "closeloop.autonomy.initial-modes.printer-jam=APPROVAL" })
@Import({ AutonomyLedger.class, TimeConfiguration.class })
@EnableConfigurationProperties(AutonomyProperties.class)
class AutonomyLedgerTests {

	private static final String ACME = "acme";

	private static final String GLOBEX = "globex";

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
		assertThat(this.ledger.modeOf(ACME, "certificate-expiring")).isEqualTo(AutonomyMode.SHADOW);
		assertThat(this.ledger.modeOf(ACME, "printer-jam")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.recentChanges(10, TenantScope.everything())).extracting(ModeChange::reason)
			.contains("first seen: initial mode");
	}

	@Test
	void shouldPromoteFromShadowOnlyOnEnoughGoodEvidence() {
		record(34, "certificate-expiring", AutonomyMode.SHADOW, "L1", "SHADOW", true);
		assertThat(this.ledger.modeOf(ACME, "certificate-expiring")).as("34 of 34: lower bound 0.897 < 0.9")
			.isEqualTo(AutonomyMode.SHADOW);

		record(1, "certificate-expiring", AutonomyMode.SHADOW, "L1", "SHADOW", true);
		assertThat(this.ledger.modeOf(ACME, "certificate-expiring")).as("35 of 35: lower bound 0.901")
			.isEqualTo(AutonomyMode.APPROVAL);
		ModeChange promotion = this.ledger.recentChanges(1, TenantScope.everything()).get(0);
		assertThat(promotion.toMode()).isEqualTo("APPROVAL");
		assertThat(promotion.outcomes()).isEqualTo(35);
		assertThat(promotion.reason()).startsWith("earned: 35 of 35 succeeded");
	}

	@Test
	void shouldNotPromoteOnAPoorRecord() {
		record(10, "high-cpu", AutonomyMode.SHADOW, "L2", "SHADOW", false);
		record(40, "high-cpu", AutonomyMode.SHADOW, "L2", "SHADOW", true);
		assertThat(this.ledger.modeOf(ACME, "high-cpu")).isEqualTo(AutonomyMode.SHADOW);
	}

	@Test
	void shouldEarnAutonomyOnlyFromL1EvidenceAndCountAfreshAfterAChange() {
		this.ledger.setMode("*", "printer-offline", "APPROVAL", "supervisor", "trusted after review",
				TenantScope.everything());
		record(50, "printer-offline", AutonomyMode.APPROVAL, "L2", "APPROVE", true);
		assertThat(this.ledger.modeOf(ACME, "printer-offline")).as("L2 approvals never make a category autonomous")
			.isEqualTo(AutonomyMode.APPROVAL);

		record(35, "printer-offline", AutonomyMode.APPROVAL, "L1", "APPROVE", true);
		assertThat(this.ledger.modeOf(ACME, "printer-offline")).isEqualTo(AutonomyMode.AUTONOMOUS);
	}

	@Test
	void shouldDemoteAtOnceWhenAFixItRanAloneFails() {
		this.ledger.setMode("*", "certificate-expiring", "AUTONOMOUS", "supervisor", "demo", TenantScope.everything());
		record(1, "certificate-expiring", AutonomyMode.AUTONOMOUS, "L1", "ACT", false);

		assertThat(this.ledger.modeOf(ACME, "certificate-expiring")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.recentChanges(1, TenantScope.everything()).get(0).reason())
			.startsWith("a fix it ran alone failed");
	}

	@Test
	void shouldRecordAnAlertsOutcomeOnlyOnce() {
		long alert = newAlert();
		AutonomyEvidence evidence = new AutonomyEvidence(alert, ACME, "certificate-expiring", AutonomyMode.SHADOW, "L1",
				"SHADOW", true, AutonomyEvidence.Source.AUTOMATED, "verified", "closeloop");
		this.ledger.record(evidence);
		this.ledger.record(evidence);

		assertThat(this.ledger.standings(TenantScope.everything()))
			.filteredOn((s) -> s.category().equals("certificate-expiring") && s.tenant().equals(ACME))
			.singleElement()
			.satisfies((standing) -> assertThat(standing.outcomes()).isEqualTo(1));
	}

	@Test
	void shouldDemoteOnlyTheClientWhoseFixFailed() {
		this.ledger.setMode("*", "temp-folder-bloat", "AUTONOMOUS", "supervisor", "trusted", TenantScope.everything());
		record(GLOBEX, 1, "temp-folder-bloat", AutonomyMode.AUTONOMOUS, "L1", "ACT", false);

		assertThat(this.ledger.modeOf(GLOBEX, "temp-folder-bloat")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.modeOf(ACME, "temp-folder-bloat")).as("another client keeps its autonomy")
			.isEqualTo(AutonomyMode.AUTONOMOUS);
		assertThat(this.ledger.modeOf("initech", "temp-folder-bloat")).as("a client without evidence inherits")
			.isEqualTo(AutonomyMode.AUTONOMOUS);
	}

	@Test
	void shouldPromoteAClientOnItsOwnEvidenceAlone() {
		record(ACME, 35, "event-log-full", AutonomyMode.SHADOW, "L1", "SHADOW", true);
		record(GLOBEX, 34, "event-log-full", AutonomyMode.SHADOW, "L1", "SHADOW", true);

		assertThat(this.ledger.modeOf(ACME, "event-log-full")).isEqualTo(AutonomyMode.APPROVAL);
		assertThat(this.ledger.modeOf(GLOBEX, "event-log-full")).as("34 of its own: not enough, whatever acme did")
			.isEqualTo(AutonomyMode.SHADOW);
		assertThat(this.ledger.modeOf("*", "event-log-full")).isEqualTo(AutonomyMode.SHADOW);
	}

	@Test
	void shouldLetASupervisorChangeOnlyTheClientsInScope() {
		TenantScope globexOnly = new TenantScope(false, java.util.Set.of(GLOBEX));

		assertThat(this.ledger.setMode(ACME, "dns-resolution-failure", "AUTONOMOUS", "globex-lead", "", globexOnly))
			.isEqualTo(AutonomyBoard.ModeSet.NOT_ALLOWED);
		assertThat(this.ledger.setMode("*", "dns-resolution-failure", "AUTONOMOUS", "globex-lead", "", globexOnly))
			.as("the MSP-wide standing needs every client in scope")
			.isEqualTo(AutonomyBoard.ModeSet.NOT_ALLOWED);
		assertThat(this.ledger.setMode(GLOBEX, "dns-resolution-failure", "APPROVAL", "globex-lead", "", globexOnly))
			.isEqualTo(AutonomyBoard.ModeSet.SET);

		assertThat(this.ledger.modeOf(ACME, "dns-resolution-failure")).isEqualTo(AutonomyMode.SHADOW);
		assertThat(this.ledger.modeOf(GLOBEX, "dns-resolution-failure")).isEqualTo(AutonomyMode.APPROVAL);
	}

	@Test
	void shouldShowAClientsStandingAndItsReasonsOnlyToThoseWhoMaySeeTheClient() {
		this.ledger.setMode("*", "vpn-tunnel-down", "AUTONOMOUS", "supervisor", "", TenantScope.everything());
		this.ledger
			.record(new AutonomyEvidence(newAlert(ACME), ACME, "vpn-tunnel-down", AutonomyMode.AUTONOMOUS, "L1", "ACT",
					false, AutonomyEvidence.Source.AUTOMATED, "tunnel to 10.8.0.1 (acme-hq) still down", "closeloop"));
		TenantScope globexOnly = new TenantScope(false, java.util.Set.of(GLOBEX));

		assertThat(this.ledger.standings(globexOnly)).noneMatch((standing) -> standing.tenant().equals(ACME));
		assertThat(this.ledger.recentChanges(50, globexOnly)).noneMatch((change) -> change.tenant().equals(ACME))
			.noneMatch((change) -> change.reason().contains("acme-hq"));
		assertThat(this.ledger.standings(TenantScope.everything()))
			.anyMatch((standing) -> standing.tenant().equals(ACME) && standing.category().equals("vpn-tunnel-down"));
		assertThat(this.ledger.recentChanges(50, new TenantScope(false, java.util.Set.of(ACME))))
			.anyMatch((change) -> change.reason().contains("acme-hq"));
	}

	private void record(int times, String category, AutonomyMode mode, String tier, String path, boolean success) {
		record(ACME, times, category, mode, tier, path, success);
	}

	private void record(String tenant, int times, String category, AutonomyMode mode, String tier, String path,
			boolean success) {
		for (int i = 0; i < times; i++) {
			this.ledger.record(new AutonomyEvidence(newAlert(tenant), tenant, category, mode, tier, path, success,
					AutonomyEvidence.Source.AUTOMATED, success ? "verified" : "not verified", "closeloop"));
		}
	}

	private long newAlert() {
		return newAlert(ACME);
	}

	private long newAlert(String tenant) {
		long id = this.nextAlert++;
		this.jdbc.update("insert into alert (id, tenant, source, external_id, type, severity, message, device_id, "
				+ "received_at, status) values (?, ?, 'test', ?, 'disk.space.low', 'warning', 'm', 'dev-1', "
				+ "CURRENT_TIMESTAMP, 'RESOLVED')", id, tenant, "a-" + id);
		return id;
	}

}
