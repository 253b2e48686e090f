package io.closeloop.bench.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Classification;
import io.closeloop.rules.Decision;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.VipClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one alert's decision costs, on one thread: classification, then the decision and
 * autonomy stages, as the application runs them for every alert. The alerts are a mix of
 * shipped categories, generated ones, wording-told categories, alerts nothing classifies,
 * security signals, VIP clients and clients with overrides.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class DecisionBenchmark {

	private static final int ALERTS = 4096;

	@Param({ "100", "1000", "5000" })
	public int rules;

	/**
	 * How the generated classification rules are written (see
	 * {@link GeneratedRules.Shape}).
	 */
	@Param({ "DISJUNCTION", "INDEXED" })
	public GeneratedRules.Shape shape;

	private RuleSet ruleSet;

	private final List<AlertFact> alerts = new ArrayList<>();

	private final List<List<Object>> contexts = new ArrayList<>();

	private final Function<String, AutonomyMode> modes = (category) -> switch (Math.floorMod(category.hashCode(), 3)) {
		case 0 -> AutonomyMode.AUTONOMOUS;
		case 1 -> AutonomyMode.APPROVAL;
		default -> AutonomyMode.SHADOW;
	};

	private int next;

	@Setup(Level.Trial)
	public void compile() {
		RuleSetCompiler compiler = new RuleSetCompiler();
		int shipped = compiler.compile(GeneratedRules.shippedFiles(), "shipped").ruleCount();
		this.ruleSet = compiler.compile(GeneratedRules.upTo(this.rules, shipped, this.shape), "bench-" + this.rules);
		int categories = Math.max(1, (this.ruleSet.ruleCount() - shipped) / 3);
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < ALERTS; i++) {
			String tenant = (random.nextInt(10) == 0) ? "vip-" + random.nextInt(5) : "client-" + random.nextInt(200);
			this.alerts.add(alert(random, tenant, categories));
			this.contexts.add(tenant.startsWith("vip-") ? List.of(new VipClient(tenant)) : List.of());
		}
	}

	private static AlertFact alert(SplittableRandom random, String tenant, int categories) {
		String role = random.nextBoolean() ? "server" : "workstation";
		int category = random.nextInt(categories);
		return switch (random.nextInt(8)) {
			case 0 -> new AlertFact(tenant, "disk.space.low", "warning",
					"Drive C: has " + (2 + random.nextInt(8)) + "% free space", role, "Windows 11 Pro",
					Map.of("freePercent", 5.0));
			case 1 -> new AlertFact(tenant, "service.stopped", "critical",
					"The Print Spooler service entered the stopped state", role, "Windows Server 2022", Map.of());
			case 2 -> new AlertFact(tenant, "cpu.high", "warning",
					"CPU above 95% for 15 minutes on host-" + random.nextInt(900), role, "Windows 10", Map.of());
			case 3 -> new AlertFact(tenant, "disk.space.low", "critical",
					"Low disk space; files renamed with .locked extension, ransom note found", role, "Windows 11",
					Map.of());
			case 4 -> new AlertFact(tenant, "custom.generic", "warning",
					"Monitor reports " + GeneratedRules.phrase(category) + " since 02:00", role, "Ubuntu 22.04",
					Map.of());
			case 5 -> new AlertFact(tenant, "vendor.unknown.monitor", "info", "Something nobody has seen before", role,
					"macOS 14", Map.of());
			default -> new AlertFact(tenant, GeneratedRules.type(category), "warning",
					"Custom monitor " + category + " tripped on host-" + random.nextInt(900), role, "Windows 11",
					Map.of());
		};
	}

	private int nextAlert() {
		int i = this.next;
		this.next = (i + 1) & (ALERTS - 1);
		return i;
	}

	/** Time per decision, with its percentiles. */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Decision latency() {
		return decideOne();
	}

	/** Decisions a second on one thread. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Decision throughput() {
		return decideOne();
	}

	private Decision decideOne() {
		int i = nextAlert();
		AlertFact alert = this.alerts.get(i);
		Classification classification = this.ruleSet.classify(alert);
		return this.ruleSet.decide(alert, classification, this.modes, this.contexts.get(i));
	}

}
