package io.closeloop.engine.sideeffect;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.engine.zeebe.EngineIncarnation;
import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.journal.SideEffects;

/**
 * The side-effect ledger in the database. An action is claimed under its key before it
 * runs (the key is unique, so of two deliveries of one job only one gets the claim), and
 * its result is recorded before the job completes, so a redelivered job reads it back
 * instead of acting again. Each step commits on its own, whatever transaction the caller
 * is in.
 */
@Component
class JpaSideEffects implements SideEffects {

	private static final Logger log = LoggerFactory.getLogger(JpaSideEffects.class);

	private final SideEffectRepository ledger;

	private final ObjectMapper json;

	private final TransactionTemplate ownTransaction;

	private final EngineIncarnation engine;

	private final Clock clock;

	JpaSideEffects(SideEffectRepository ledger, ObjectMapper json, PlatformTransactionManager transactions,
			EngineIncarnation engine, Clock clock) {
		this.engine = engine;
		this.clock = clock;
		this.ledger = ledger;
		this.json = json;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public <T> T once(String key, Class<T> resultType, Supplier<T> action) {
		Optional<SideEffect> recorded = this.ledger.findByIdempotencyKey(key);
		if (recorded.isPresent()) {
			return recordedResult(key, recorded.get(), resultType);
		}
		try {
			this.ownTransaction.executeWithoutResult((tx) -> this.ledger
				.saveAndFlush(SideEffect.claim(key, this.clock.instant(), this.engine.current())));
		}
		catch (DataIntegrityViolationException ex) {
			// Another delivery claimed it between our look and our claim.
			return recordedResult(key, this.ledger.findByIdempotencyKey(key).orElseThrow(() -> ex), resultType);
		}
		T result;
		try {
			result = action.get();
		}
		catch (OutcomeUnknownException ex) {
			// The vendor may have acted: the claim stays, so no later delivery acts
			// again.
			this.ownTransaction.executeWithoutResult((tx) -> this.ledger.findByIdempotencyKey(key)
				.ifPresent((claim) -> claim.outcomeUnknown(ex.getMessage())));
			throw ex;
		}
		catch (RuntimeException ex) {
			// The action failed: give the claim back so a retry may act.
			this.ownTransaction.executeWithoutResult((tx) -> this.ledger.deleteByIdempotencyKey(key));
			throw ex;
		}
		String resultJson = write(result);
		this.ownTransaction.executeWithoutResult((tx) -> this.ledger.findByIdempotencyKey(key)
			.orElseThrow(() -> new IllegalStateException("The claim on " + key + " disappeared"))
			.done(resultJson));
		return result;
	}

	/**
	 * The embedded engine started empty: the application restarted or the engine was
	 * replaced, and every delivery that was acting is gone. What each was doing may or
	 * may not have happened, so none is done again; the alert's resumed process stops
	 * there and goes to a person.
	 */
	@EventListener
	void engineStateLost(EngineStateLost lost) {
		Integer unknown = this.ownTransaction
			.execute((tx) -> this.ledger.pendingBecameUnknown("An RMM or PSA action was under way when " + lost.why()
					+ "; it may have been carried out, " + "so it is not done again", lost.incarnation()));
		if (unknown != null && unknown > 0) {
			log.warn("{} side effect(s) were under way when {}; their outcome is unknown", unknown, lost.why());
		}
	}

	private <T> T recordedResult(String key, SideEffect effect, Class<T> resultType) {
		if (effect.getState() == SideEffect.State.UNKNOWN) {
			throw new OutcomeUnknownException(effect.getResultJson());
		}
		if (effect.getState() == SideEffect.State.PENDING) {
			// Another delivery is acting now, or died acting: acting again could do it
			// twice. The job
			// fails and retries; if the claim never resolves, the alert goes to a person.
			throw new ConnectorException("Side effect " + key + " is already in progress (claimed at "
					+ effect.getCreatedAt() + "); not acting twice");
		}
		return read(effect.getResultJson(), resultType);
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
