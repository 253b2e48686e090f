package io.closeloop.rules;

/**
 * A word a vendor's payload uses for what kind of alert it is (a monitor category, a
 * check type, a ticket's sub-issue), as a key: lower case, words joined by dots. The
 * {@code types/} table turns it into an alert type the classification knows.
 *
 * @param vendor the vendor's name, e.g. {@code datto}
 * @param label the label, e.g. {@code perf.disk.usage.ctx}
 * @param position where it stands among the payload's labels: the first that the table
 * knows wins
 */
public record VendorLabel(String vendor, String label, int position) {

	public String getVendor() {
		return this.vendor;
	}

	public String getLabel() {
		return this.label;
	}

	public int getPosition() {
		return this.position;
	}

}
