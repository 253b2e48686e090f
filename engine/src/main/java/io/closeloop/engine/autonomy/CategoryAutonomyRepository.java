package io.closeloop.engine.autonomy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryAutonomyRepository extends JpaRepository<CategoryAutonomy, String> {

	List<CategoryAutonomy> findByOrderByCategoryAsc();

}
