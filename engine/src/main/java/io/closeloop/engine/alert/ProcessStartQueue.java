package io.closeloop.engine.alert;

/**
 * Where intake leaves an accepted alert's process start: the outbox of the process-start
 * machinery, which hands it to the engine once the alert is committed.
 */
public interface ProcessStartQueue {

	/**
	 * Refuses more alerts while so many starts wait that taking more would only make
	 * every alert late.
	 * @throws IntakeSaturatedException when the queue is full; the sender should retry
	 */
	void checkRoom();

	/**
	 * Queues the first start of a new alert's process, in the caller's transaction: the
	 * alert and its start are committed together or not at all.
	 */
	void enqueue(Alert alert);

	/** About how many starts wait. */
	long waiting();

}
