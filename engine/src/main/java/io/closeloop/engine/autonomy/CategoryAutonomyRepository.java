package io.closeloop.engine.autonomy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryAutonomyRepository extends JpaRepository<CategoryAutonomy, Long> {

	Optional<CategoryAutonomy> findByTenantAndCategory(String tenant, String category);

	List<CategoryAutonomy> findByOrderByCategoryAscTenantAsc();

}
