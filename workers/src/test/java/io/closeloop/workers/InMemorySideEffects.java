package io.closeloop.workers;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.closeloop.workers.journal.SideEffects;

/** The side-effect ledger in memory, for worker tests. */
public class InMemorySideEffects implements SideEffects {

	private final Map<String, Object> done = new HashMap<>();

	@Override
	public <T> T once(String key, Class<T> resultType, Supplier<T> action) {
		return resultType.cast(this.done.computeIfAbsent(key, (k) -> action.get()));
	}

}
