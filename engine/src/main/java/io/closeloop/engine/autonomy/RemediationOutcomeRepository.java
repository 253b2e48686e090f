package io.closeloop.engine.autonomy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemediationOutcomeRepository extends JpaRepository<RemediationOutcome, Long> {

	boolean existsByAlertId(long alertId);

	List<RemediationOutcome> findByCategoryAndIdGreaterThanOrderByIdAsc(String category, long afterId);

	Optional<RemediationOutcome> findTopByCategoryOrderByIdDesc(String category);

}
