package io.closeloop.engine.sideeffect;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A side effect under its idempotency key: claimed while it is being done, then done with
 * its result.
 */
@Entity
@Table(name = "side_effect")
class SideEffect {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	@Column(name = "result_json")
	private String resultJson;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(name = "created_at")
	private Instant createdAt;

	/** The engine whose job claimed it (see {@code EngineIncarnation}). */
	@Column(name = "engine_incarnation")
	private String engineIncarnation;

	protected SideEffect() {
	}

	static SideEffect claim(String idempotencyKey, Instant at, String engineIncarnation) {
		SideEffect effect = new SideEffect();
		effect.engineIncarnation = engineIncarnation;
		effect.idempotencyKey = idempotencyKey;
		effect.state = State.PENDING;
		effect.createdAt = at;
		return effect;
	}

	/** The vendor may have acted: kept with the reason, never tried again. */
	void outcomeUnknown(String reason) {
		this.state = State.UNKNOWN;
		this.resultJson = reason;
	}

	void done(String resultJson) {
		this.state = State.DONE;
		this.resultJson = resultJson;
	}

	String getResultJson() {
		return this.resultJson;
	}

	State getState() {
		return this.state;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	enum State {

		/** Claimed: one delivery of the job is doing it now (or died doing it). */
		PENDING,
		/** Done, with its result recorded. */
		DONE,
		/**
		 * Sent, and the vendor may or may not have carried it out; the reason is kept in
		 * place of a result. Never sent again.
		 */
		UNKNOWN

	}

}
