package io.closeloop.ui.autonomy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AutonomyPageController.class)
@WithMockUser(username = "supervisor", roles = "SUPERVISOR")
class AutonomyPageControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AutonomyBoard board;

	@Test
	void shouldShowEachCategorysModeAndEvidenceAndTheAudit() throws Exception {
		given(this.board.minOutcomes()).willReturn(20);
		given(this.board.minLowerBound()).willReturn(0.9);
		given(this.board.standings(any())).willReturn(List.of(new CategoryStanding("acme", "disk-space-low", "APPROVAL",
				12, 11, 0.646, Instant.parse("2026-11-21T10:00:00Z"))));
		given(this.board.recentChanges(eq(50), any())).willReturn(List.of(new ModeChange("acme", "disk-space-low",
				"AUTONOMOUS", "APPROVAL", "a fix it ran alone failed: disk still full", 1, 0, 0.0,
				Instant.parse("2026-11-21T10:00:00Z"), "closeloop")));

		this.mvc.perform(get("/autonomy"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disk-space-low")))
			.andExpect(content().string(containsString("0.646")))
			.andExpect(content().string(containsString("a fix it ran alone failed: disk still full")));
	}

	@Test
	void shouldStateThePromotionBarWithItsNumbers() throws Exception {
		given(this.board.minOutcomes()).willReturn(20);
		given(this.board.minLowerBound()).willReturn(0.9);
		given(this.board.standings(any())).willReturn(List.of());
		given(this.board.recentChanges(eq(50), any())).willReturn(List.of());

		this.mvc.perform(get("/autonomy"))
			.andExpect(content().string(containsString("are at least 20 and")))
			.andExpect(content().string(containsString("success rate is at least 0.9;")))
			.andExpect(content().string(not(containsString("{1}"))));
	}

	@Test
	void shouldLetASupervisorSetAModeWithAReason() throws Exception {
		given(this.board.setMode(anyString(), anyString(), anyString(), anyString(), anyString(), any()))
			.willReturn(AutonomyBoard.ModeSet.SET);
		this.mvc
			.perform(post("/autonomy/disk-space-low/mode").param("mode", "SHADOW")
				.param("reason", "new client")
				.with(csrf()))
			.andExpect(redirectedUrl("/autonomy"))
			.andExpect(flash().attribute("message", "autonomy.mode.set"));
		verify(this.board).setMode(eq("*"), eq("disk-space-low"), eq("SHADOW"), eq("supervisor"), eq("new client"),
				any());
	}

	@Test
	void shouldRefuseAnUnknownMode() throws Exception {
		this.mvc.perform(post("/autonomy/disk-space-low/mode").param("mode", "YOLO").with(csrf()))
			.andExpect(flash().attribute("error", "autonomy.mode.invalid"));
		verify(this.board, never()).setMode(anyString(), anyString(), anyString(), anyString(), anyString(), any());
	}

	@Test
	void shouldRecordWhatATechnicianSaysFixedAShadowAlert() throws Exception {
		given(this.board.recordShadowOutcome(eq(42L), eq(true), eq("supervisor"), any()))
			.willReturn(AutonomyBoard.ShadowOutcome.RECORDED);

		this.mvc.perform(post("/alerts/42/shadow-outcome").param("proposedFixWorked", "true").with(csrf()))
			.andExpect(redirectedUrl("/alerts/42"))
			.andExpect(flash().attribute("message", "shadow.outcome.RECORDED"));
	}

}
