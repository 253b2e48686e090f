package io.closeloop.bench.decision;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;

/**
 * The heap one loaded rule set holds, at each size: the used heap after a full
 * collection, with a few copies held, against the same without them. Prints one line per
 * size: {@code rule-set-heap: rules=N copies=C per_set_mib=M}.
 */
public final class RuleSetHeap {

	private static final int COPIES = 3;

	private RuleSetHeap() {
	}

	public static void main(String[] args) {
		int[] sizes = (args.length > 0) ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
				: new int[] { 100, 1000, 5000 };
		RuleSetCompiler compiler = new RuleSetCompiler();
		int shipped = compiler.compile(GeneratedRules.shippedFiles(), "shipped").ruleCount();
		for (int size : sizes) {
			List<RuleSource> sources = GeneratedRules.upTo(size, shipped, GeneratedRules.Shape.DISJUNCTION);
			// One build first, so the compiler's own caches are not counted.
			compiler.compile(sources, "warm");
			long before = usedAfterCollection();
			List<RuleSet> held = new ArrayList<>();
			for (int i = 0; i < COPIES; i++) {
				held.add(compiler.compile(sources, "heap-" + i));
			}
			long after = usedAfterCollection();
			System.out.printf("rule-set-heap: rules=%d copies=%d per_set_mib=%.1f%n", held.get(0).ruleCount(),
					held.size(), (after - before) / (double) COPIES / (1024 * 1024));
		}
	}

	private static long usedAfterCollection() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
