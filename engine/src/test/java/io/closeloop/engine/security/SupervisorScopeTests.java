package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.WebSession;
import io.closeloop.rules.AutonomyMode;

/**
 * A supervisor changes the autonomy of the clients they supervise and no other's, through
 * the page's own form, the real login and the real security configuration.
 */
class SupervisorScopeTests extends IntegrationTest {

	@Autowired
	private AutonomyLedger autonomy;

	@Test
	void shouldLetAClientsSupervisorChangeThatClientsModeAndNoOneElses() {
		WebSession globexLead = WebSession.logIn(this.port, GLOBEX_SUPERVISOR, GLOBEX_SUPERVISOR);

		HttpResponse<String> forAcme = setMode(globexLead, "acme", "SHADOW");
		HttpResponse<String> forEveryClient = setMode(globexLead, "*", "SHADOW");

		assertThat(forAcme.statusCode()).isEqualTo(302);
		assertThat(this.autonomy.modeOf("acme", "disk-space-low")).as("another client's mode is not theirs to change")
			.isEqualTo(AutonomyMode.AUTONOMOUS);
		assertThat(forEveryClient.statusCode()).isEqualTo(302);
		assertThat(this.autonomy.modeOf("initech", "disk-space-low")).as("nor is every client's")
			.isEqualTo(AutonomyMode.AUTONOMOUS);
		assertThat(globexLead.get("/autonomy").body()).contains("not among the clients you supervise");

		setMode(globexLead, "globex", "SHADOW");
		assertThat(this.autonomy.modeOf("globex", "disk-space-low")).isEqualTo(AutonomyMode.SHADOW);
		assertThat(this.autonomy.modeOf("acme", "disk-space-low")).isEqualTo(AutonomyMode.AUTONOMOUS);
	}

	@Test
	void shouldNotLetATechnicianChangeAMode() {
		WebSession technician = WebSession.logIn(this.port, "technician", "technician");

		HttpResponse<String> answer = technician.submit("/tasks", "/autonomy/disk-space-low/mode",
				Map.of("tenant", "acme", "mode", "SHADOW", "reason", "trying"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(this.autonomy.modeOf("acme", "disk-space-low")).isEqualTo(AutonomyMode.AUTONOMOUS);
	}

	private static HttpResponse<String> setMode(WebSession session, String tenant, String mode) {
		return session.submit("/autonomy", "/autonomy/disk-space-low/mode",
				Map.of("tenant", tenant, "mode", mode, "reason", "from the test"));
	}

}
