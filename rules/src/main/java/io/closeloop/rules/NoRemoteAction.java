package io.closeloop.rules;

/**
 * For the autonomy rules: the alert's RMM offers no way to run a script on the device
 * through its API, so whatever fix is proposed is carried out by a person.
 *
 * @param why what the RMM lacks, naming it, for the hand-over ("Atera's public API offers
 * no call that runs a script")
 */
public record NoRemoteAction(String why) {

	public String getWhy() {
		return this.why;
	}

}
