package io.closeloop.ui.tasks;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.closeloop.ui.security.TenantScope;

/**
 * The approval inbox: technicians see what the rules propose and approve or reject it.
 * Every decision redirects back with a message, including the ones that came too late.
 */
@Controller
class TaskController {

	static final String VIEW_TASK_LIST = "tasks/list";

	private static final int MAX_COMMENT = 2000;

	private final ApprovalDesk desk;

	TaskController(ApprovalDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/tasks";
	}

	@GetMapping("/tasks")
	String list(Model model, Authentication user) {
		model.addAttribute("tasks", this.desk.openTasks(TenantScope.of(user)));
		return VIEW_TASK_LIST;
	}

	@PostMapping("/tasks/{taskId}/approve")
	String approve(@PathVariable long taskId, @RequestParam(defaultValue = "") String comment,
			Authentication technician, RedirectAttributes redirect) {
		return decide(taskId, true, comment, technician, redirect);
	}

	@PostMapping("/tasks/{taskId}/reject")
	String reject(@PathVariable long taskId, @RequestParam(defaultValue = "") String comment, Authentication technician,
			RedirectAttributes redirect) {
		return decide(taskId, false, comment, technician, redirect);
	}

	private String decide(long taskId, boolean approve, String comment, Authentication technician,
			RedirectAttributes redirect) {
		String trimmed = comment.strip();
		if (trimmed.length() > MAX_COMMENT) {
			redirect.addFlashAttribute("error", "task.comment.tooLong");
			return "redirect:/tasks";
		}
		ApprovalOutcome outcome = this.desk.decide(taskId, approve, trimmed, technician.getName(),
				TenantScope.of(technician));
		boolean success = outcome == ApprovalOutcome.APPROVED || outcome == ApprovalOutcome.REJECTED;
		redirect.addFlashAttribute(success ? "message" : "error", "task.outcome." + outcome.name());
		redirect.addFlashAttribute("taskId", taskId);
		return "redirect:/tasks";
	}

}
