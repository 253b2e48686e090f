package io.closeloop.engine.zeebe;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine this instance's processes, jobs and actions are held by, as the tag records
 * carry ({@code engine_incarnation}): the embedded engine now running
 * ({@code embedded:<id>}, new each time one starts empty), or {@value #CLUSTER}, whose
 * state survives any instance. When an embedded engine starts empty, only what an earlier
 * embedded engine held is lost; an untagged record, from before the tag, is taken as
 * embedded.
 */
@Component
public class EngineIncarnation {

	public static final String CLUSTER = "cluster";

	static final String EMBEDDED_PREFIX = "embedded:";

	private final Optional<EmbeddedZeebe> embedded;

	EngineIncarnation(ObjectProvider<EmbeddedZeebe> embedded) {
		this.embedded = Optional.ofNullable(embedded.getIfAvailable());
	}

	/** The engine that holds what this instance starts, activates or claims now. */
	public String current() {
		return this.embedded.map(EmbeddedZeebe::incarnation).orElse(CLUSTER);
	}

	/** Whether a record tagged so was lost when the engine {@code current} started. */
	public static boolean isLost(String tag, String current) {
		return tag == null || (tag.startsWith(EMBEDDED_PREFIX) && !tag.equals(current));
	}

}
