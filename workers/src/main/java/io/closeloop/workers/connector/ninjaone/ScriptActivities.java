package io.closeloop.workers.connector.ninjaone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Reads a script run's state from a device's activity log. NinjaOne answers a script run
 * without a job id, so a run is known by the device and the newest activity id before it
 * started: the first script activity after that mark is the run, later activities of the
 * same series ({@code seriesUid}) its progress. {@code statusCode} carries the lifecycle
 * and {@code activityResult} the outcome.
 */
final class ScriptActivities {

	private ScriptActivities() {
	}

	/**
	 * The run's state from the activities logged since its mark.
	 * @param answer the activity log ({@code {"activities": [...]}} or a bare array)
	 * @param types the activity types a script run is logged under
	 */
	static ScriptRun state(String runId, JsonNode answer, Collection<String> types, long mark) {
		List<JsonNode> scripts = new ArrayList<>();
		for (JsonNode activity : answer.isArray() ? answer : answer.path("activities")) {
			String type = VendorJson.text(activity, "activityType");
			if (activity.path("id").asLong(0) > mark && type != null
					&& types.stream().anyMatch((wanted) -> wanted.equalsIgnoreCase(type))) {
				scripts.add(activity);
			}
		}
		JsonNode first = null;
		for (JsonNode activity : scripts) {
			if (first == null || id(activity) < id(first)) {
				first = activity;
			}
		}
		if (first == null) {
			return new ScriptRun(runId, ScriptRun.Status.RUNNING, null, "no script activity logged yet");
		}
		JsonNode latest = latestOfSeries(first, scripts);
		String code = upper(VendorJson.text(latest, "statusCode"));
		String output = describe(latest);
		if ("COMPLETED".equals(code)) {
			String result = upper(VendorJson.text(latest, "activityResult"));
			boolean succeeded = "SUCCESS".equals(result);
			return new ScriptRun(runId, succeeded ? ScriptRun.Status.SUCCEEDED : ScriptRun.Status.FAILED, null,
					succeeded ? output : output + " (" + result + ")");
		}
		if ("CANCELLED".equals(code) || "BLOCKED".equals(code)) {
			return new ScriptRun(runId, ScriptRun.Status.FAILED, null, output + " (" + code + ")");
		}
		return new ScriptRun(runId, ScriptRun.Status.RUNNING, null, output);
	}

	/** The newest activity id in a log, the mark a new run is found after. */
	static long mark(JsonNode answer) {
		long mark = Math.max(answer.path("lastActivityId").asLong(0), answer.path("lastNodeActivityId").asLong(0));
		for (JsonNode activity : answer.isArray() ? answer : answer.path("activities")) {
			mark = Math.max(mark, id(activity));
		}
		return mark;
	}

	private static JsonNode latestOfSeries(JsonNode first, List<JsonNode> scripts) {
		String series = VendorJson.text(first, "seriesUid");
		JsonNode latest = first;
		if (series == null) {
			return latest;
		}
		for (JsonNode activity : scripts) {
			if (series.equals(VendorJson.text(activity, "seriesUid")) && id(activity) > id(latest)) {
				latest = activity;
			}
		}
		return latest;
	}

	private static String describe(JsonNode activity) {
		for (String field : List.of("message", "subject", "status", "statusCode")) {
			String text = VendorJson.text(activity, field);
			if (text != null && !text.isBlank()) {
				return text.strip();
			}
		}
		return "activity " + id(activity);
	}

	private static long id(JsonNode activity) {
		return activity.path("id").asLong(0);
	}

	private static String upper(String text) {
		return (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
	}

}
