package io.closeloop.bench.decision;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a hot reload costs: compiling the rule files into a new rule set, which the
 * application then swaps in while the old one serves.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReloadBenchmark {

	@Param({ "100", "1000", "5000" })
	public int rules;

	private final RuleSetCompiler compiler = new RuleSetCompiler();

	private List<RuleSource> sources;

	@Setup
	public void generate() {
		int shipped = this.compiler.compile(GeneratedRules.shippedFiles(), "shipped").ruleCount();
		this.sources = GeneratedRules.upTo(this.rules, shipped, GeneratedRules.Shape.DISJUNCTION);
	}

	@Benchmark
	public RuleSet reload() {
		return this.compiler.compile(this.sources, "reload-" + this.rules);
	}

}
