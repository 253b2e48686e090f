package io.closeloop.engine.autonomy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemediationOutcomeRepository extends JpaRepository<RemediationOutcome, Long> {

	boolean existsByAlertId(long alertId);

	/** One client's outcomes of a category after the given one: its evidence. */
	List<RemediationOutcome> findByTenantAndCategoryAndIdGreaterThanOrderByIdAsc(String tenant, String category,
			long afterId);

	Optional<RemediationOutcome> findTopByTenantAndCategoryOrderByIdDesc(String tenant, String category);

	/** The latest outcome of all: where the evidence of a change made now starts. */
	Optional<RemediationOutcome> findTopByOrderByIdDesc();

}
