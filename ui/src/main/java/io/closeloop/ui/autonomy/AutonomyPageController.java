package io.closeloop.ui.autonomy;

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
	String standings(Model model, Authentication user) {
		TenantScope scope = TenantScope.of(user);
		model.addAttribute("standings", this.board.standings(scope));
		model.addAttribute("changes", this.board.recentChanges(RECENT_CHANGES, scope));
		model.addAttribute("minOutcomes", this.board.minOutcomes());
		model.addAttribute("minLowerBound", this.board.minLowerBound());
		return VIEW_AUTONOMY;
	}

	@PostMapping("/autonomy/{category}/mode")
	String setMode(@PathVariable String category, @RequestParam String mode,
			@RequestParam(defaultValue = CategoryStanding.EVERY_CLIENT) String tenant,
			@RequestParam(defaultValue = "") String reason, Authentication supervisor, RedirectAttributes redirect) {
		if (!MODES.contains(mode) || reason.length() > 500) {
			redirect.addFlashAttribute("error", "autonomy.mode.invalid");
			return "redirect:/autonomy";
		}
		AutonomyBoard.ModeSet outcome = this.board.setMode(tenant, category, mode, supervisor.getName(), reason.strip(),
				TenantScope.of(supervisor));
		if (outcome == AutonomyBoard.ModeSet.SET) {
			redirect.addFlashAttribute("message", "autonomy.mode.set");
		}
		else {
			redirect.addFlashAttribute("error", "autonomy.mode.notAllowed");
		}
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
