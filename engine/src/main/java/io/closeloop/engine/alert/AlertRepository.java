package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.rules.AlertStatus;

public interface AlertRepository extends JpaRepository<Alert, Long> {

	/**
	 * The alert this source sent under this id for this tenant, if any: two clients may
	 * well use the same ids. Intake asks this of every alert and nearly always finds
	 * none, so it reads a list: a single-result query would throw and catch an exception
	 * each time.
	 */
	default Optional<Alert> findByTenantAndSourceAndExternalId(String tenant, String source, String externalId) {
		return findAllByTenantAndSourceAndExternalId(tenant, source, externalId).stream().findFirst();
	}

	@Query("select a from Alert a where a.tenant = :tenant and a.source = :source and a.externalId = :externalId")
	List<Alert> findAllByTenantAndSourceAndExternalId(String tenant, String source, String externalId);

	/** The alerts this source sent under this id, of any of these tenants. */
	@Query("select a from Alert a where a.source = :source and a.externalId = :externalId and a.tenant in :tenants")
	List<Alert> findAllBySourceAndExternalIdForTenants(String source, String externalId, Collection<String> tenants);

	/** The alerts this source sent under this id, of any tenant. */
	@Query("select a from Alert a where a.source = :source and a.externalId = :externalId")
	List<Alert> findAllBySourceAndExternalId(String source, String externalId);

	/**
	 * Records that the engine took the alert's start of this generation, without touching
	 * the version: the first worker may already be updating the alert, and the two must
	 * not fail each other.
	 */
	@Transactional
	@Modifying
	@Query("update Alert a set a.processGeneration = :generation where a.id = :id and a.processGeneration < :generation")
	int processStarted(long id, int generation);

	/** Records which engine the alert's process now runs on. */
	@Transactional
	@Modifying
	@Query("update Alert a set a.engineIncarnation = :incarnation where a.id = :id")
	int processRunsOn(long id, String incarnation);

	/**
	 * Alerts in flight (see {@link #findInFlight}) whose process an earlier embedded
	 * engine held, lost when the engine {@code current} started empty; not those on the
	 * engine running now, nor on a cluster.
	 */
	@Query("select a from Alert a where a.processGeneration > 0 and a.status not in :finals"
			+ " and not exists (select s from ProcessStart s where s.alertId = a.id)"
			+ " and (a.engineIncarnation is null or (a.engineIncarnation like 'embedded:%'"
			+ " and a.engineIncarnation <> :current)) order by a.id")
	List<Alert> findInFlightLostOn(Collection<AlertStatus> finals, String current);

	/** Links an alert to its incident once; returns 0 when it already was. */
	@Transactional
	@Modifying
	@Query("update Alert a set a.incidentId = :incidentId where a.id = :id and a.incidentId is null")
	int linkIncident(long id, long incidentId);

	@Transactional
	@Modifying
	@Query("update Alert a set a.recurrenceOf = :earlier where a.id = :id and a.recurrenceOf is null")
	int linkRecurrence(long id, long earlier);

	/**
	 * Alerts whose process was started and has not finished, leaving out those waiting in
	 * the outbox for a start: after the embedded engine lost its memory, their processes
	 * are gone.
	 */
	@Query("select a from Alert a where a.processGeneration > 0 and a.status not in :finals"
			+ " and not exists (select s from ProcessStart s where s.alertId = a.id) order by a.id")
	List<Alert> findInFlight(Collection<AlertStatus> finals);

	/**
	 * Classified alerts received since the cutoff that were correlated already (their
	 * start is no longer waiting for correlation), in the order they came: what a
	 * correlation window is rebuilt from.
	 */
	@Query("select a from Alert a where a.receivedAt >= :since and a.classification is not null"
			+ " and not exists (select s from ProcessStart s where s.alertId = a.id and s.correlated = false)"
			+ " order by a.id")
	List<Alert> findCorrelatedSince(Instant since);

	/**
	 * Alerts busy in the engine (see {@link #countBusy}) of which nothing was heard since
	 * the cutoff: their process is most likely gone.
	 */
	@Query("select a from Alert a where a.processGeneration > 0 and a.status in :busy"
			+ " and not exists (select s from ProcessStart s where s.alertId = a.id)"
			+ " and not exists (select e from AlertEvent e where e.alertId = a.id and e.at > :cutoff) order by a.id")
	List<Alert> findSilentSince(Collection<AlertStatus> busy, Instant cutoff, Pageable page);

	/**
	 * Alerts whose process is started and busy in the engine: not final, and not parked
	 * waiting for a technician.
	 */
	@Query("select count(a) from Alert a where a.processGeneration > 0 and a.status in :busy")
	long countBusy(Collection<AlertStatus> busy);

	/** The latest alerts, newest first, with their decisions. */
	@Query("select a from Alert a left join fetch a.decision order by a.id desc")
	List<Alert> findLatestWithDecision(Pageable page);

	/** The latest alerts of these tenants, newest first, with their decisions. */
	@Query("select a from Alert a left join fetch a.decision where a.tenant in :tenants order by a.id desc")
	List<Alert> findLatestWithDecision(Collection<String> tenants, Pageable page);

	/** How many alerts are in each status, over all tenants. */
	@Query("select a.status as status, count(a) as count from Alert a group by a.status")
	List<StatusCount> countByStatus();

	/** How many alerts of these tenants are in each status. */
	@Query("select a.status as status, count(a) as count from Alert a where a.tenant in :tenants group by a.status")
	List<StatusCount> countByStatus(Collection<String> tenants);

	/** One status and how many alerts are in it. */
	interface StatusCount {

		AlertStatus getStatus();

		long getCount();

	}

}
