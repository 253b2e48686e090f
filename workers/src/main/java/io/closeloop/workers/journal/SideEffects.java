package io.closeloop.workers.journal;

import java.util.function.Supplier;

/**
 * The ledger of side effects already done. A job can be delivered twice (a worker crashed
 * after acting, a job timed out): running each RMM and PSA action through the ledger
 * under a key made of the alert and the step means the second delivery gets the first
 * result instead of acting again.
 */
public interface SideEffects {

	/**
	 * Runs the action unless an action under the same key already ran, and returns its
	 * result.
	 * @param key alert and step, e.g. {@code alert-42:run-script}
	 * @param resultType the result's type, for reading a recorded result back
	 */
	<T> T once(String key, Class<T> resultType, Supplier<T> action);

	static String key(long alertId, String step) {
		return "alert-" + alertId + ":" + step;
	}

}
