package io.closeloop.engine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * The alert storm benchmark: sends alerts at a steady rate across many tenants to a
 * running Closeloop on the embedded default, waits until every accepted alert is resolved
 * or escalated, and prints one summary line. Then it measures the bare engine (start, one
 * service task, end) on the same engine and prints the ratio of the two throughputs.
 * <p>
 * A benchmark, not a test: run it with {@code bench/storm.sh}, which starts the
 * application on a fresh database. The mix: 80% of the alerts are an outage seen by every
 * tenant (agents offline, which correlation should fold into one incident), 15% are full
 * disks on workstations of four tenants (remediated alone, so scripts run), and 5% are
 * resends of an alert already sent (which must not start anything). An alert answered 429
 * or 503 is sent again after the Retry-After the answer names, as a well-behaved RMM
 * does; every answer counts towards the acknowledgement times.
 * <p>
 * Before the storm, a warm-up wave of the same mix (2,000 alerts in 20 s by default, from
 * the same tenants' other devices) is sent and left to settle, so that the storm meets a
 * running application rather than one the JIT compiler has yet to compile. It is not
 * counted; {@code --warmup=0} leaves it out.
 */
public final class StormBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI base;

	private final String apiKey;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newFixedThreadPool(8))
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private StormBenchmark(URI base, String apiKey) {
		this.base = base;
		this.apiKey = apiKey;
	}

	public static void main(String[] args) {
		try {
			run(options(args));
			System.exit(0);
		}
		catch (Exception ex) {
			// The HTTP client's threads would keep a failed run alive.
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static void run(Map<String, String> options) throws Exception {
		URI base = URI.create(options.getOrDefault("url", "http://localhost:8080"));
		int alerts = Integer.parseInt(options.getOrDefault("alerts", "10000"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
		int tenants = Integer.parseInt(options.getOrDefault("tenants", "100"));
		int bare = Integer.parseInt(options.getOrDefault("bare", "5000"));
		int settleTimeout = Integer.parseInt(options.getOrDefault("settle-timeout", "1200"));
		String zeebe = options.getOrDefault("zeebe", "http://localhost:26500");
		StormBenchmark benchmark = new StormBenchmark(base, options.getOrDefault("key", "demo-api-key"));

		int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
		if (warmup > 0) {
			benchmark.warmUp(warmup, Integer.parseInt(options.getOrDefault("warmup-seconds", "20")), tenants,
					Integer.parseInt(options.getOrDefault("warmup-settle-timeout", "300")));
		}
		Storm storm = benchmark.storm(alerts, seconds, tenants, settleTimeout);
		System.out.println(storm.summary());
		System.out.println(storm.details());
		if (bare > 0) {
			double bareRate = bareEngine(URI.create(zeebe), bare);
			System.out.printf("bare-engine: instances=%d per_s=%.1f%n", bare, bareRate);
			System.out.printf("ratio: full_alert_to_resolution_per_s=%.1f bare_engine_per_s=%.1f ratio=%.3f%n",
					storm.settledPerSecond(), bareRate, storm.settledPerSecond() / bareRate);
		}
	}

	/**
	 * Sends a first, smaller wave of alerts of the same mix, from the same tenants' other
	 * devices (so that it adds no client to the storm's incidents), and waits until they
	 * are settled, so the storm meets a running application, not one whose code the JIT
	 * compiler has yet to compile.
	 */
	private void warmUp(int count, int seconds, int tenants, int settleTimeout) throws Exception {
		long openBefore = openNow();
		Wave wave = send("warmup", count, seconds, tenants);
		long settledAt = settle(wave, openBefore, settleTimeout);
		Map<Integer, Integer> byStatus = new HashMap<>();
		wave.answers().forEach((status, n) -> byStatus.put(status, n.get()));
		System.out.printf("warm-up: sent=%d accepted=%d answers=%s settled_s=%.1f (not counted in the storm)%n", count,
				wave.accepted().size(), byStatus, (settledAt - wave.start()) / 1e9);
	}

	/** What one wave of alerts was answered. */
	private record Wave(long start, ConcurrentLinkedQueue<Ack> acks, Set<Long> accepted, Set<Long> duplicates,
			Map<Integer, AtomicInteger> answers, Set<String> remediable) {

	}

	/**
	 * Sends {@code count} alerts evenly over {@code seconds} and waits for every answer.
	 */
	private Wave send(String prefix, int count, int seconds, int tenants) throws Exception {
		long intervalNanos = TimeUnit.SECONDS.toNanos(seconds) / count;
		List<String> sentIds = new ArrayList<>();
		Map<String, String> bodies = new HashMap<>();
		Wave wave = new Wave(System.nanoTime(), new ConcurrentLinkedQueue<>(), ConcurrentHashMap.newKeySet(),
				ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
		CountDownLatch done = new CountDownLatch(count);
		Semaphore window = new Semaphore(2000);
		for (int i = 0; i < count; i++) {
			LockSupport.parkNanos(wave.start() + i * intervalNanos - System.nanoTime());
			String externalId;
			String body;
			if (i % 20 == 19 && !sentIds.isEmpty()) {
				externalId = sentIds.get((i * 7919) % sentIds.size());
				body = bodies.get(externalId);
			}
			else {
				externalId = prefix + "-" + i;
				body = alert(prefix, i, tenants, externalId, wave.remediable());
				sentIds.add(externalId);
				bodies.put(externalId, body);
			}
			window.acquire();
			deliver(body, 1, wave, () -> {
				window.release();
				done.countDown();
			});
		}
		done.await(10, TimeUnit.MINUTES);
		return wave;
	}

	private Storm storm(int count, int seconds, int tenants, int settleTimeout) throws Exception {
		long openBefore = openNow();
		if (openBefore > 0) {
			System.out.println("storm: " + openBefore + " earlier alert(s) still open when the storm began");
		}
		Wave wave = send("storm", count, seconds, tenants);
		long start = wave.start();
		ConcurrentLinkedQueue<Ack> ackMillis = wave.acks();
		Set<Long> accepted = wave.accepted();
		Set<Long> duplicates = wave.duplicates();
		Map<Integer, AtomicInteger> answers = wave.answers();
		Set<String> remediable = wave.remediable();
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		long settledAt = settle(wave, openBefore, settleTimeout);
		double settledSeconds = (settledAt - start) / 1e9;
		Map<String, Integer> finals = finalStatuses(accepted);
		int lost = accepted.size() - finals.values().stream().mapToInt(Integer::intValue).sum();
		Map<String, Integer> runsPerDevice = new HashMap<>();
		for (JsonNode run : getJson("/api/simulator/script-runs")) {
			runsPerDevice.merge(run.path("deviceId").asText(), 1, Integer::sum);
		}
		int duplicateRuns = runsPerDevice.values().stream().mapToInt((runs) -> runs - 1).sum();
		Map<String, Integer> ticketsPerDevice = new HashMap<>();
		for (JsonNode ticket : getJson("/api/simulator/tickets")) {
			ticketsPerDevice.merge(ticket.path("deviceId").asText(), 1, Integer::sum);
		}
		int duplicateTickets = ticketsPerDevice.values().stream().mapToInt((tickets) -> tickets - 1).sum();
		long[] acks = ackMillis.stream().mapToLong(Ack::millis).sorted().toArray();
		printAcksByWindow(ackMillis, start);
		return new Storm(count, accepted.size(), duplicates.size(), lost, duplicateRuns, duplicateTickets,
				percentile(acks, 50), percentile(acks, 99), percentile(acks, 100), sendSeconds, settledSeconds, finals,
				answers, stormDevices(runsPerDevice), stormDevices(ticketsPerDevice), remediable.size());
	}

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

	/**
	 * Sends one alert; a 429 or 503 is sent again after the Retry-After it names, as a
	 * well-behaved RMM does, up to 10 times. Every answer's time counts as an ack.
	 */
	/** How many of these devices are the storm's, not the warm-up's. */
	private static int stormDevices(Map<String, Integer> perDevice) {
		return (int) perDevice.keySet().stream().filter((device) -> device.startsWith("dev-STORM-")).count();
	}

	/** Acknowledgement times by the 10 s window the request was sent in. */
	private static void printAcksByWindow(ConcurrentLinkedQueue<Ack> acks, long start) {
		Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
		for (Ack ack : acks) {
			byWindow
				.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(ack.sentAt() - start) / 10, (w) -> new ArrayList<>())
				.add(ack.millis());
		}
		byWindow.forEach((window, millis) -> {
			long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("storm-acks: from_s=%d answers=%d p50_ms=%d p99_ms=%d max_ms=%d%n", window * 10,
					sorted.length, percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100));
		});
	}

	/**
	 * One answer: when its request was sent ({@link System#nanoTime()}) and how long it
	 * took.
	 */
	private record Ack(long sentAt, long millis) {

	}

	private void deliver(String body, int attempt, Wave wave, Runnable finished) {
		long sentAt = System.nanoTime();
		this.http.sendAsync(post("/api/alerts", body), HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, error) -> {
				wave.acks().add(new Ack(sentAt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt)));
				int status = (response != null) ? response.statusCode() : -1;
				wave.answers().computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
				if ((status == 429 || status == 503) && attempt < 10) {
					this.retries.schedule(() -> deliver(body, attempt + 1, wave, finished), retryAfterMillis(response),
							TimeUnit.MILLISECONDS);
					return;
				}
				if (status == 202 || status == 200) {
					long id = id(response.body());
					(status == 202 ? wave.accepted() : wave.duplicates()).add(id);
				}
				finished.run();
			});
	}

	private static String alert(String prefix, int i, int tenants, String externalId, Set<String> remediable) {
		String tenant;
		String type;
		String message;
		String metrics = "";
		String hostname;
		if (i % 20 < 3) {
			// A full disk on a workstation of one of four tenants: remediated alone.
			tenant = "storm-%03d".formatted(i % 4);
			hostname = prefix.toUpperCase() + "-WS-" + i;
			type = "disk.space.low";
			message = "C: free space 4%";
			metrics = ",\"metrics\":{\"diskFreePct\":4.0}";
			remediable.add("dev-" + hostname);
		}
		else {
			// The outage: every tenant's agents go offline.
			tenant = "storm-%03d".formatted(i % tenants);
			hostname = prefix.toUpperCase() + "-PC-" + i;
			type = "agent.offline";
			message = "Agent has not checked in for 15 minutes";
		}
		return """
				{"source":"storm-bench","externalId":"%s","tenant":"%s",
				 "device":{"id":"dev-%s","hostname":"%s","os":"Windows 11","role":"workstation"},
				 "type":"%s","severity":"warning","message":"%s"%s}
				""".formatted(externalId, tenant, hostname, hostname, type, message, metrics);
	}

	/**
	 * Waits until every alert the wave had accepted is resolved, escalated or cleared;
	 * returns when, in {@link System#nanoTime()}. It asks the summary until no more
	 * alerts are open than before the wave (a warm-up alert still open must not hold the
	 * storm's figure), then reads the wave's own alerts, the ones not seen final yet,
	 * until none is left.
	 */
	private long settle(Wave wave, long openBefore, int timeoutSeconds) throws Exception {
		long deadline = wave.start() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		Set<Long> pending = new HashSet<>(wave.accepted());
		long open = -1;
		while (System.nanoTime() < deadline) {
			long candidate = System.nanoTime();
			open = openNow();
			if (open <= openBefore) {
				for (Long id : List.copyOf(pending)) {
					if (finalStatus(id) != null) {
						pending.remove(id);
					}
				}
				if (pending.isEmpty()) {
					return candidate;
				}
			}
			Thread.sleep(500);
		}
		System.out.println("storm: not settled within " + timeoutSeconds + " s (" + open + " alerts open, " + openBefore
				+ " of them from before)");
		return System.nanoTime();
	}

	/** The alert's status if it is final, else null. */
	private String finalStatus(long id) throws Exception {
		HttpResponse<String> response = getPolitely("/api/alerts/" + id);
		if (response.statusCode() != 200) {
			return null;
		}
		String status = json(response.body()).path("status").asText();
		return (status.equals("RESOLVED") || status.equals("ESCALATED") || status.equals("CLEARED")) ? status : null;
	}

	private long openNow() throws Exception {
		return getJson("/api/alerts/summary").path("open").asLong();
	}

	private Map<String, Integer> finalStatuses(Set<Long> ids) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (long id : ids) {
			String status = finalStatus(id);
			if (status != null) {
				counts.merge(status, 1, Integer::sum);
			}
		}
		return counts;
	}

	/**
	 * Starts instances of a process with one service task as fast as the engine takes
	 * them, completes every job, and returns instances per second.
	 */
	private static double bareEngine(URI zeebe, int count) throws Exception {
		BpmnModelInstance model = Bpmn.createExecutableProcess("closeloop-bench-bare")
			.startEvent()
			.serviceTask("bench_task", (task) -> task.zeebeJobType("closeloop-bench-bare"))
			.endEvent()
			.done();
		try (CamundaClient client = CamundaClient.newClientBuilder()
			.grpcAddress(zeebe)
			.preferRestOverGrpc(false)
			.build()) {
			client.newDeployResourceCommand().addProcessModel(model, "closeloop-bench-bare.bpmn").send().join();
			CountDownLatch completed = new CountDownLatch(count);
			try (JobWorker worker = client.newWorker().jobType("closeloop-bench-bare").handler((jobs, job) -> {
				jobs.newCompleteCommand(job.getKey()).send().join();
				completed.countDown();
			}).maxJobsActive(64).open()) {
				Semaphore window = new Semaphore(64);
				long start = System.nanoTime();
				for (int i = 0; i < count; i++) {
					window.acquire();
					client.newCreateInstanceCommand()
						.bpmnProcessId("closeloop-bench-bare")
						.latestVersion()
						.send()
						.toCompletableFuture()
						.whenComplete((created, error) -> window.release());
				}
				if (!completed.await(10, TimeUnit.MINUTES)) {
					System.out.println("bare-engine: only " + (count - completed.getCount()) + " of " + count
							+ " completed within 10 minutes");
				}
				return (count - completed.getCount()) / ((System.nanoTime() - start) / 1e9);
			}
		}
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.header("X-Api-Key", this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.header("X-Api-Key", this.apiKey)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		return json(getPolitely(path).body());
	}

	/** A GET that waits as asked when the API says 429 or 503, as any client should. */
	private HttpResponse<String> getPolitely(String path) throws IOException, InterruptedException {
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = this.http.send(get(path), HttpResponse.BodyHandlers.ofString());
			if ((response.statusCode() != 429 && response.statusCode() != 503) || attempt >= 20) {
				return response;
			}
			Thread.sleep(retryAfterMillis(response));
		}
	}

	private static long retryAfterMillis(HttpResponse<String> response) {
		return 1000L * response.headers().firstValueAsLong("Retry-After").orElse(1);
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Not JSON: " + body, ex);
		}
	}

	private static long id(String body) {
		return json(body).path("id").asLong();
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Options are --name=value, not " + arg + "; known: "
						+ Arrays.asList("url", "key", "alerts", "seconds", "tenants", "bare", "zeebe", "settle-timeout",
								"warmup", "warmup-seconds", "warmup-settle-timeout"));
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	/** What one storm did. */
	private record Storm(int sent, int accepted, int duplicateAnswers, int lost, int duplicateRuns,
			int duplicateTickets, long p50, long p99, long max, double sendSeconds, double settledSeconds,
			Map<String, Integer> finals, Map<Integer, AtomicInteger> answers, int devicesWithRuns,
			int devicesWithTickets, int remediableDevices) {

		String summary() {
			return "storm: sent=%d accepted=%d lost=%d duplicate_runs=%d p50_ack_ms=%d p99_ack_ms=%d settled_s=%.1f"
				.formatted(this.sent, this.accepted, this.lost, this.duplicateRuns, this.p50, this.p99,
						this.settledSeconds);
		}

		String details() {
			Map<Integer, Integer> byStatus = new HashMap<>();
			this.answers.forEach((status, n) -> byStatus.put(status, n.get()));
			return ("storm-details: send_s=%.1f answers=%s duplicate_answers=%d max_ack_ms=%d finals=%s "
					+ "remediable_devices=%d devices_with_script_runs=%d duplicate_tickets_per_device=%d "
					+ "devices_with_tickets=%d")
				.formatted(this.sendSeconds, byStatus, this.duplicateAnswers, this.max, this.finals,
						this.remediableDevices, this.devicesWithRuns, this.duplicateTickets, this.devicesWithTickets);
		}

		double settledPerSecond() {
			return this.accepted / this.settledSeconds;
		}

	}

}
