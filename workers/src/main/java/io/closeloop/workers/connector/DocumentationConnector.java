package io.closeloop.workers.connector;

import java.util.List;

/**
 * What the workers need from an IT documentation system: where the client's and the
 * device's documentation is, and which articles or procedures bear on the alert, so the
 * technician who picks up an escalation does not have to look them up.
 */
public interface DocumentationConnector {

	/** A short name for the system ({@code none}, {@code itglue}, {@code hudu}). */
	String system();

	/**
	 * Links to the client's organization or company, the device's configuration or asset,
	 * and relevant articles or procedures; empty when the system knows none. Read-only.
	 * @throws ConnectorException when the system cannot be reached
	 * @throws VendorRejectedException when it refuses the request (e.g. the API key)
	 */
	List<DocumentationLink> lookUp(AlertContext alert);

}
