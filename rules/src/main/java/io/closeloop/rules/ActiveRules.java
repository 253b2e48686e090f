package io.closeloop.rules;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that decides alerts now. Swapping it is atomic: a decision in progress
 * finishes on the rules it started with.
 */
public final class ActiveRules {

	private final AtomicReference<RuleSet> current;

	public ActiveRules(RuleSet initial) {
		this.current = new AtomicReference<>(Objects.requireNonNull(initial));
	}

	public RuleSet current() {
		return this.current.get();
	}

	public void replace(RuleSet next) {
		this.current.set(Objects.requireNonNull(next));
	}

}
