package io.closeloop.rules;

/** The alert type a vendor's label stands for (derived by the {@code types/} table). */
public record VendorAlertType(VendorLabel label, String type) {

	public VendorLabel getLabel() {
		return this.label;
	}

	public String getType() {
		return this.type;
	}

}
