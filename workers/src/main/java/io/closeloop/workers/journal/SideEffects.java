package io.closeloop.workers.journal;

import java.util.function.Consumer;
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

	/**
	 * Runs an action that returns nothing unless one under the same key already ran. The
	 * action receives the key, to pass on to a vendor that takes idempotency keys of its
	 * own.
	 */
	default void once(String key, Consumer<String> action) {
		once(key, Boolean.class, () -> {
			action.accept(key);
			return true;
		});
	}

	static String key(long alertId, String step) {
		return "alert-" + alertId + ":" + step;
	}

}
