package io.closeloop.workers.connector;

/**
 * A vendor refused a request (a 4xx other than an expired token or a rate limit): a wrong
 * device id, a missing permission, a script that does not exist. Not a
 * {@link ConnectorException}, because asking again cannot help; it carries what an
 * operator needs to fix the configuration, never the credentials.
 */
public class VendorRejectedException extends RuntimeException {

	private final String vendor;

	private final String operation;

	private final int status;

	public VendorRejectedException(String vendor, String operation, int status, String vendorMessage) {
		super(vendor + " rejected " + operation + " with HTTP " + status
				+ ((vendorMessage == null || vendorMessage.isBlank()) ? "" : ": " + vendorMessage));
		this.vendor = vendor;
		this.operation = operation;
		this.status = status;
	}

	public String vendor() {
		return this.vendor;
	}

	public String operation() {
		return this.operation;
	}

	public int status() {
		return this.status;
	}

}
