package io.closeloop.ui.alerts;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import io.closeloop.ui.security.TenantScope;

/** Recent alerts, one alert's decision and timeline, and its whole message. */
@Controller
class AlertPageController {

	static final String VIEW_ALERT_LIST = "alerts/list";

	static final String VIEW_ALERT_DETAIL = "alerts/detail";

	private static final int RECENT = 100;

	private final AlertBoard board;

	AlertPageController(AlertBoard board) {
		this.board = board;
	}

	@GetMapping("/alerts")
	String list(Model model, Authentication user) {
		model.addAttribute("alerts", this.board.recent(RECENT, TenantScope.of(user)));
		return VIEW_ALERT_LIST;
	}

	@GetMapping("/alerts/{alertId}")
	String detail(@PathVariable long alertId, Model model, Authentication user) {
		model.addAttribute("alert", this.board.find(alertId, TenantScope.of(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No alert " + alertId)));
		return VIEW_ALERT_DETAIL;
	}

	/** The whole message, as plain text: never rendered as markup. */
	@GetMapping(path = "/alerts/{alertId}/message", produces = "text/plain;charset=UTF-8")
	@ResponseBody
	String message(@PathVariable long alertId, Authentication user) {
		return this.board.fullMessage(alertId, TenantScope.of(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No alert " + alertId));
	}

}
