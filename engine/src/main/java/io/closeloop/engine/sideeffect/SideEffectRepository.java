package io.closeloop.engine.sideeffect;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SideEffectRepository extends JpaRepository<SideEffect, Long> {

	Optional<SideEffect> findByIdempotencyKey(String idempotencyKey);

	void deleteByIdempotencyKey(String idempotencyKey);

}
