package io.closeloop.engine.simulator;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.closeloop.ui.security.TenantScope;
import io.closeloop.workers.simulator.SimulatedPsa;
import io.closeloop.workers.simulator.SimulatedRmm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the demo RMM and PSA have done: tickets with their notes, and script runs. */
@RestController
@RequestMapping("/api/simulator")
@Tag(name = "Simulator (demo RMM and PSA)")
@SecurityRequirement(name = "apiKey")
class SimulatorController {

	private final ObjectProvider<SimulatedPsa> psa;

	private final ObjectProvider<SimulatedRmm> rmm;

	SimulatorController(ObjectProvider<SimulatedPsa> psa, ObjectProvider<SimulatedRmm> rmm) {
		this.psa = psa;
		this.rmm = rmm;
	}

	@GetMapping("/tickets")
	@Operation(summary = "Tickets in the simulated PSA, with their notes (404 when a real PSA is configured)")
	ResponseEntity<List<SimulatedPsa.TicketRecord>> tickets(Authentication caller) {
		SimulatedPsa simulated = this.psa.getIfAvailable();
		if (simulated != null && !TenantScope.of(caller).everyTenant()) {
			// The demo systems hold every tenant's data: only an all-tenant key may read
			// them.
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return (simulated != null) ? ResponseEntity.ok(simulated.tickets()) : ResponseEntity.notFound().build();
	}

	@GetMapping("/script-runs")
	@Operation(summary = "Script runs in the simulated RMM (404 when a real RMM is configured)")
	ResponseEntity<List<SimulatedRmm.ScriptRunRecord>> scriptRuns(Authentication caller) {
		SimulatedRmm simulated = this.rmm.getIfAvailable();
		if (simulated != null && !TenantScope.of(caller).everyTenant()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return (simulated != null) ? ResponseEntity.ok(simulated.scriptRuns()) : ResponseEntity.notFound().build();
	}

}
