package io.closeloop.rules;

/** A client the MSP treats with extra care: every fix waits for a technician. */
public record VipClient(String tenant) {

	public String getTenant() {
		return this.tenant;
	}

}
