package io.closeloop.workers.connector;

import java.util.List;

/**
 * No documentation system: the default ({@code closeloop.docs.connector=none}). Finds
 * nothing, so the ticket notes say nothing about documentation.
 */
public class NoDocumentation implements DocumentationConnector {

	@Override
	public String system() {
		return "none";
	}

	@Override
	public List<DocumentationLink> lookUp(AlertContext alert) {
		return List.of();
	}

}
