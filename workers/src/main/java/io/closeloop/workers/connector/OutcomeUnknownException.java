package io.closeloop.workers.connector;

/**
 * A request that changes something (starts a script, opens a ticket, adds a note) failed
 * in a way that leaves open whether the vendor carried it out: no answer in time, or a
 * 5xx that may have come after the work. Sending it again could do it twice, so it is not
 * sent again; the side-effect ledger keeps it as unknown and the alert goes to a person,
 * who can look in the vendor's console.
 */
public class OutcomeUnknownException extends ConnectorException {

	public OutcomeUnknownException(String message) {
		super(message);
	}

}
