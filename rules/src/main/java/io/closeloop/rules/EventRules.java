package io.closeloop.rules;

import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/** Compiled correlation rules (STREAM mode): the factory of correlation sessions. */
public final class EventRules {

	private final String version;

	private final KieBase kieBase;

	EventRules(String version, KieBase kieBase) {
		this.version = version;
		this.kieBase = kieBase;
	}

	public String version() {
		return this.version;
	}

	/** A new, empty session. */
	public CorrelationSession newSession() {
		return new CorrelationSession(this.kieBase);
	}

	/**
	 * A new session that has seen the given alerts again, in order: how a reload keeps
	 * the windows of the session it replaces.
	 */
	public CorrelationSession replay(List<AlertSeen> window) {
		CorrelationSession session = newSession();
		window.forEach(session::remember);
		return session;
	}

	static KieSessionConfiguration pseudoClockConfiguration() {
		KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
		configuration.setOption(ClockTypeOption.PSEUDO);
		return configuration;
	}

}
