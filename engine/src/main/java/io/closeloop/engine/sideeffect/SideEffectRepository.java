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
	 * Marks every claim still pending of an earlier embedded engine's jobs as of unknown
	 * outcome, with the reason: their deliveries are gone. Not the running engine's, nor
	 * a cluster's: those are still under way.
	 */
	@Modifying
	@Query("update SideEffect s set s.state = io.closeloop.engine.sideeffect.SideEffect.State.UNKNOWN, "
			+ "s.resultJson = :reason where s.state = io.closeloop.engine.sideeffect.SideEffect.State.PENDING"
			+ " and (s.engineIncarnation is null or (s.engineIncarnation like 'embedded:%'"
			+ " and s.engineIncarnation <> :current))")
	int pendingBecameUnknown(String reason, String current);

}
