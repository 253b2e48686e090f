package io.closeloop.engine.sideeffect;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.journal.SideEffects;

/**
 * The side-effect ledger in the database. The result is recorded right after the action
 * and before the job completes, so a redelivered job reads it back instead of acting
 * again.
 */
@Component
class JpaSideEffects implements SideEffects {

	private final SideEffectRepository ledger;

	private final ObjectMapper json;

	private final Clock clock = Clock.systemUTC();

	JpaSideEffects(SideEffectRepository ledger, ObjectMapper json) {
		this.ledger = ledger;
		this.json = json;
	}

	@Override
	public <T> T once(String key, Class<T> resultType, Supplier<T> action) {
		Optional<SideEffect> done = this.ledger.findByIdempotencyKey(key);
		if (done.isPresent()) {
			return read(done.get().getResultJson(), resultType);
		}
		T result = action.get();
		this.ledger.save(new SideEffect(key, write(result), this.clock.instant()));
		return result;
	}

	private <T> T read(String stored, Class<T> type) {
		try {
			return this.json.readValue(stored, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Recorded side effect result is not readable as " + type.getSimpleName(),
					ex);
		}
	}

	private String write(Object result) {
		try {
			return this.json.writeValueAsString(result);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Side effect result cannot be recorded", ex);
		}
	}

}
