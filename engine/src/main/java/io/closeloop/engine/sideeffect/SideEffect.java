package io.closeloop.engine.sideeffect;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A side effect done, under its idempotency key, with its result. */
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

	@Column(name = "created_at")
	private Instant createdAt;

	protected SideEffect() {
	}

	SideEffect(String idempotencyKey, String resultJson, Instant createdAt) {
		this.idempotencyKey = idempotencyKey;
		this.resultJson = resultJson;
		this.createdAt = createdAt;
	}

	String getResultJson() {
		return this.resultJson;
	}

}
