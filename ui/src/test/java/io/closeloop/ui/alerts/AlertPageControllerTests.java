package io.closeloop.ui.alerts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.closeloop.rules.ActionPath;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.Tier;
import io.closeloop.ui.security.TenantScope;

@WebMvcTest(AlertPageController.class)
@WithMockUser(username = "supervisor", authorities = { "ROLE_SUPERVISOR", "TENANT_*" })
class AlertPageControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AlertBoard board;

	@Test
	void shouldShowTheDecisionAndTheTimeline() throws Exception {
		given(this.board.find(42, TenantScope.everything())).willReturn(Optional.of(detail("C: free space 4%")));

		this.mvc.perform(get("/alerts/42"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("RESOLVED")))
			.andExpect(content().string(containsString("Known fix on a workstation acts alone")))
			.andExpect(content().string(containsString("Ticket opened")))
			.andExpect(content().string(containsString("SIM-1001")));
	}

	@Test
	void shouldLinkARecurrenceToTheEarlierAlert() throws Exception {
		AlertDetail base = detail("C: free space 4%");
		given(this.board.find(42, TenantScope.everything()))
			.willReturn(Optional.of(new AlertDetail(base.id(), base.status(), base.tenant(), base.source(),
					base.externalId(), base.type(), base.severity(), base.message(), false, base.message().length(),
					base.device(), base.metrics(), base.decision(), base.ticket(), base.escalationReason(),
					base.occurredAt(), base.receivedAt(), base.timeline(), false, 7L, 41L)));

		this.mvc.perform(get("/alerts/42"))
			.andExpect(content().string(containsString("href=\"/alerts/41\"")))
			.andExpect(content().string(containsString("Incident 7")));
	}

	@Test
	void shouldShowHostileTextInert() throws Exception {
		given(this.board.find(42, TenantScope.everything()))
			.willReturn(Optional.of(detail("<img src=x onerror=alert(1)>")));

		this.mvc.perform(get("/alerts/42"))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
	}

	@Test
	void shouldSayAMessageWasCutAndLinkToTheWholeOfIt() throws Exception {
		given(this.board.find(42, TenantScope.everything()))
			.willReturn(Optional.of(detail("Event 4625 … [truncated, 40960 characters in all]", true, 40960)));

		this.mvc.perform(get("/alerts/42"))
			.andExpect(content().string(containsString("kept whole (40,960 characters)")))
			.andExpect(content().string(containsString("href=\"/alerts/42/message\"")));
	}

	@Test
	void shouldSayNothingOfCuttingAMessageThatFits() throws Exception {
		given(this.board.find(42, TenantScope.everything())).willReturn(Optional.of(detail("C: free space 4%")));

		this.mvc.perform(get("/alerts/42"))
			.andExpect(content().string(not(containsString("alert-message-truncated"))))
			.andExpect(content().string(not(containsString("/alerts/42/message"))));
	}

	@Test
	void shouldServeTheWholeMessageAsPlainText() throws Exception {
		String whole = "<script>alert(1)</script> Événement 4625\n".repeat(1000);
		given(this.board.fullMessage(42, TenantScope.everything())).willReturn(Optional.of(whole));
		given(this.board.fullMessage(7, TenantScope.everything())).willReturn(Optional.empty());

		this.mvc.perform(get("/alerts/42/message"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().encoding("UTF-8"))
			.andExpect(content().string(whole));
		this.mvc.perform(get("/alerts/7/message")).andExpect(status().isNotFound());
	}

	@Test
	void shouldAnswer404ForAnUnknownAlert() throws Exception {
		given(this.board.find(7, TenantScope.everything())).willReturn(Optional.empty());
		this.mvc.perform(get("/alerts/7")).andExpect(status().isNotFound());
	}

	@Test
	void shouldListRecentAlerts() throws Exception {
		given(this.board.recent(100, TenantScope.everything()))
			.willReturn(List.of(new AlertRow(42, "acme", "disk.space.low", "ACME-WS-042", AlertStatus.ESCALATED,
					Tier.L3, Instant.parse("2026-11-21T10:15:00Z"))));
		this.mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ACME-WS-042")))
			.andExpect(content().string(containsString("status-ESCALATED")));
	}

	private static AlertDetail detail(String message) {
		return detail(message, false, message.length());
	}

	private static AlertDetail detail(String message, boolean truncated, int length) {
		return new AlertDetail(42, AlertStatus.RESOLVED, "acme", "datto-rmm", "a-1", "disk.space.low", "warning",
				message, truncated, length,
				new AlertDetail.Device("dev-42", "ACME-WS-042", "Windows 11", "workstation"),
				Map.of("diskFreePct", 4.0),
				new Decision("disk-space-low", Tier.L1, "disk-cleanup", "disk-free-above-threshold", 0.95,
						List.of("Disk space low", "Known fix on a workstation acts alone"), List.of("L1: workstation"),
						AutonomyMode.AUTONOMOUS, ActionPath.Path.ACT,
						List.of("disk-space-low has earned autonomy for L1 fixes"), "abc"),
				new AlertDetail.TicketView("simulator", "SIM-1001"), null, null, Instant.parse("2026-11-21T10:15:00Z"),
				List.of(new AlertDetail.TimelineEntry(Instant.parse("2026-11-21T10:15:01Z"), "Ticket opened",
						"simulator ticket SIM-1001")),
				false, null, null);
	}

}
