package io.closeloop.ui.autonomy;

import java.security.Principal;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.closeloop.ui.security.TenantScope;

/** Earned autonomy: where each category stands, and how it got there. */
@Controller
class AutonomyPageController {

	static final String VIEW_AUTONOMY = "autonomy/list";

	private static final int RECENT_CHANGES = 50;

	private static final Set<String> MODES = Set.of("SHADOW", "APPROVAL", "AUTONOMOUS");

	private final AutonomyBoard board;

	AutonomyPageController(AutonomyBoard board) {
		this.board = board;
	}

	@GetMapping("/autonomy")
	String standings(Model model) {
		model.addAttribute("standings", this.board.standings());
		model.addAttribute("changes", this.board.recentChanges(RECENT_CHANGES));
		model.addAttribute("minOutcomes", this.board.minOutcomes());
		model.addAttribute("minLowerBound", this.board.minLowerBound());
		return VIEW_AUTONOMY;
	}

	@PostMapping("/autonomy/{category}/mode")
	String setMode(@PathVariable String category, @RequestParam String mode,
			@RequestParam(defaultValue = "") String reason, Principal supervisor, RedirectAttributes redirect) {
		if (!MODES.contains(mode) || reason.length() > 500) {
			redirect.addFlashAttribute("error", "autonomy.mode.invalid");
			return "redirect:/autonomy";
		}
		this.board.setMode(category, mode, supervisor.getName(), reason.strip());
		redirect.addFlashAttribute("message", "autonomy.mode.set");
		return "redirect:/autonomy";
	}

	@PostMapping("/alerts/{alertId}/shadow-outcome")
	String shadowOutcome(@PathVariable long alertId, @RequestParam boolean proposedFixWorked, Authentication technician,
			RedirectAttributes redirect) {
		AutonomyBoard.ShadowOutcome outcome = this.board.recordShadowOutcome(alertId, proposedFixWorked,
				technician.getName(), TenantScope.of(technician));
		redirect.addFlashAttribute((outcome == AutonomyBoard.ShadowOutcome.RECORDED) ? "message" : "error",
				"shadow.outcome." + outcome.name());
		return "redirect:/alerts/" + alertId;
	}

}
