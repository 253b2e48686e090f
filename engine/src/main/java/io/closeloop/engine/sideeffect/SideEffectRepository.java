package io.closeloop.engine.sideeffect;

import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import org.springframework.data.jpa.repository.JpaRepository;

interface SideEffectRepository extends JpaRepository<SideEffect, Long> {

	Optional<SideEffect> findByIdempotencyKey(String idempotencyKey);

	void deleteByIdempotencyKey(String idempotencyKey);

	/**
	 * Marks every claim still pending as of unknown outcome, with the reason: their
	 * deliveries are gone.
	 */
	@Modifying
	@Query("update SideEffect s set s.state = io.closeloop.engine.sideeffect.SideEffect.State.UNKNOWN, "
			+ "s.resultJson = :reason where s.state = io.closeloop.engine.sideeffect.SideEffect.State.PENDING")
	int pendingBecameUnknown(String reason);

}
