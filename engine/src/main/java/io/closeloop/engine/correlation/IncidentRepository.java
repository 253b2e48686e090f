package io.closeloop.engine.correlation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {

	Optional<Incident> findByCategoryAndStartedEpoch(String category, long startedEpoch);

}
