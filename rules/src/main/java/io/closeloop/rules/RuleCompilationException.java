package io.closeloop.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that did not compile; carries every error with its file and line. */
public class RuleCompilationException extends RuntimeException {

	private final List<RuleError> errors;

	public RuleCompilationException(List<RuleError> errors) {
		super("Rules did not compile:\n" + errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<RuleError> getErrors() {
		return this.errors;
	}

}
