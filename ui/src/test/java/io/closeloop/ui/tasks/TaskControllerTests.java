package io.closeloop.ui.tasks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.closeloop.ui.security.TenantScope;

@WebMvcTest(TaskController.class)
@WithMockUser(username = "technician", authorities = { "ROLE_TECHNICIAN", "TENANT_acme" })
class TaskControllerTests {

	@Autowired
	private MockMvc mvc;

	/** The scope of the logged-in technician: the client acme only. */
	private static final TenantScope ACME = new TenantScope(false, Set.of("acme"));

	@MockitoBean
	private ApprovalDesk desk;

	@Test
	void shouldShowWhatTheTechnicianNeedsToDecide() throws Exception {
		given(this.desk.openTasks(ACME)).willReturn(List.of(task("C: free space 3%")));

		this.mvc.perform(get("/tasks"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disk-cleanup")))
			.andExpect(content().string(containsString("L2: the device is a server")))
			.andExpect(content().string(containsString("Changes on a server need approval")))
			.andExpect(content().string(containsString("2026-11-21T14:15:00Z")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void shouldShowHostileAlertTextInert() throws Exception {
		given(this.desk.openTasks(ACME)).willReturn(List.of(task("<script>alert('pwned')</script>")));

		this.mvc.perform(get("/tasks"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert('pwned')</script>"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")));
	}

	@Test
	void shouldApproveAndSayWhatHappens() throws Exception {
		given(this.desk.decide(7L, true, "ok", "technician", ACME)).willReturn(ApprovalOutcome.APPROVED);

		this.mvc.perform(post("/tasks/7/approve").param("comment", " ok ").with(csrf()))
			.andExpect(redirectedUrl("/tasks"))
			.andExpect(flash().attribute("message", "task.outcome.APPROVED"));
	}

	@Test
	void shouldAnswerALateDecisionWithAMessageNotAnErrorPage() throws Exception {
		given(this.desk.decide(7L, false, "", "technician", ACME)).willReturn(ApprovalOutcome.NO_LONGER_WAITING);

		this.mvc.perform(post("/tasks/7/reject").with(csrf()))
			.andExpect(redirectedUrl("/tasks"))
			.andExpect(flash().attribute("error", "task.outcome.NO_LONGER_WAITING"));
	}

	@Test
	void shouldRefuseADecisionWithoutTheCsrfToken() throws Exception {
		this.mvc.perform(post("/tasks/7/approve")).andExpect(status().isForbidden());
		verify(this.desk, never()).decide(anyLong(), anyBoolean(), anyString(), anyString(), any());
	}

	@Test
	void shouldRefuseAnOverlongComment() throws Exception {
		this.mvc.perform(post("/tasks/7/approve").param("comment", "x".repeat(2001)).with(csrf()))
			.andExpect(flash().attribute("error", "task.comment.tooLong"));
		verify(this.desk, never()).decide(anyLong(), anyBoolean(), anyString(), anyString(), any());
	}

	private static ApprovalTaskView task(String message) {
		return new ApprovalTaskView(7, 42, "acme", "ACME-SRV-01", "server", "disk.space.low", message, "disk-cleanup",
				0.95, List.of("Disk space low", "Changes on a server need approval"),
				List.of("L2: the device is a server"), "device online", Instant.parse("2026-11-21T14:15:00Z"), "OPEN",
				null);
	}

}
