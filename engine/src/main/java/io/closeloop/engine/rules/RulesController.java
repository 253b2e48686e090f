package io.closeloop.engine.rules;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/rules}: which rules decide now, and why the files on disk do not, if
 * they do not.
 */
@RestController
@Tag(name = "Rules")
@SecurityRequirement(name = "apiKey")
class RulesController {

	private final RuleLibrary library;

	RulesController(RuleLibrary library) {
		this.library = library;
	}

	@GetMapping("/api/rules")
	@Operation(summary = "The loaded rule set: version, rule count, files, and errors of the last reload")
	RuleLibrary.Status rules() {
		return this.library.status();
	}

}
