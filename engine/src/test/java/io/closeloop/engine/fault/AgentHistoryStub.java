package io.closeloop.engine.fault;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Tactical RMM's agent history for a WireMock stub of its API: every {@code POST
 * /agents/{agent_id}/runscript/} writes a row for the run, and {@code GET
 * /agents/{agent_id}/history/} lists the agent's rows. A run the stub answers with a 200
 * gets its result (the answer's text, exit 0) once the answer is sent, as the agent
 * writes it after replying, even when the caller stopped waiting; a run answered with an
 * error never gets one.
 */
final class AgentHistoryStub implements ResponseDefinitionTransformerV2 {

	private static final Pattern RUN = Pattern.compile("^/agents/([^/]+)/runscript/$");

	private static final Pattern HISTORY = Pattern.compile("^/agents/([^/]+)/history/$");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, List<Row>> rows = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return "tactical-agent-history";
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		String url = event.getRequest().getUrl();
		ResponseDefinition answer = event.getResponseDefinition();
		Matcher run = RUN.matcher(url);
		if (run.matches() && "POST".equals(event.getRequest().getMethod().getName())) {
			ObjectNode row = JSON.createObjectNode();
			row.put("id", this.ids.incrementAndGet());
			row.put("type", "script_run");
			row.put("script", read(event.getRequest().getBodyAsString()).path("script").asInt());
			row.put("username", "closeloop");
			row.putNull("script_results");
			ObjectNode results = null;
			if (answer.getStatus() == 200) {
				results = JSON.createObjectNode();
				results.put("stdout", read(answer.getBody()).asText());
				results.put("stderr", "");
				results.put("retcode", 0);
			}
			Integer delay = answer.getFixedDelayMilliseconds();
			long reportedAt = System.currentTimeMillis() + ((delay != null) ? delay : 0);
			this.rows.computeIfAbsent(run.group(1), (agent) -> new CopyOnWriteArrayList<>())
				.add(new Row(row, results, reportedAt));
			return answer;
		}
		Matcher history = HISTORY.matcher(url);
		if (history.matches()) {
			ArrayNode list = JSON.createArrayNode();
			this.rows.getOrDefault(history.group(1), List.of()).forEach((row) -> list.add(row.asListed()));
			return ResponseDefinitionBuilder.like(answer).withBody(list.toString()).build();
		}
		return answer;
	}

	/** A run's row, and the result its agent writes into it at {@code reportedAt}. */
	private record Row(ObjectNode row, ObjectNode results, long reportedAt) {

		JsonNode asListed() {
			ObjectNode listed = this.row.deepCopy();
			if (this.results != null && System.currentTimeMillis() >= this.reportedAt) {
				listed.set("script_results", this.results);
			}
			return listed;
		}

	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not JSON: " + json, ex);
		}
	}

}
