package io.closeloop.engine.sideeffect;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import org.springframework.data.jpa.repository.JpaRepository;

interface SideEffectRepository extends JpaRepository<SideEffect, Long> {

	/**
	 * The action recorded under this key, if any. Most lookups find none (a first try),
	 * so this reads a list: a single-result query would throw and catch an exception each
	 * time.
	 */
	default Optional<SideEffect> findByIdempotencyKey(String idempotencyKey) {
		return findAllByIdempotencyKey(idempotencyKey).stream().findFirst();
	}

	@Query("select s from SideEffect s where s.idempotencyKey = :idempotencyKey")
	List<SideEffect> findAllByIdempotencyKey(String idempotencyKey);

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
