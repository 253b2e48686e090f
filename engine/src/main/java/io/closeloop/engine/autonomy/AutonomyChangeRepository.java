package io.closeloop.engine.autonomy;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AutonomyChangeRepository extends JpaRepository<AutonomyChange, Long> {

	List<AutonomyChange> findByOrderByIdDesc(Pageable page);

	/** The latest changes of these tenants' standings. */
	List<AutonomyChange> findByTenantInOrderByIdDesc(Collection<String> tenants, Pageable page);

}
