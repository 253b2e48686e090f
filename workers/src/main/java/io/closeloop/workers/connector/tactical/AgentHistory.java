package io.closeloop.workers.connector.tactical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.ConnectorException;

/**
 * An agent's history as Tactical RMM lists it: every row, unpaged, in no promised order,
 * so it is put in the order of the rows' ids here.
 */
final class AgentHistory {

	private final List<HistoryEntry> entries;

	private AgentHistory(List<HistoryEntry> entries) {
		this.entries = entries;
	}

	static AgentHistory of(JsonNode answer) {
		if (!answer.isArray()) {
			throw new ConnectorException(
					"Tactical RMM answered an agent's history with " + answer.getNodeType() + ", not a list");
		}
		List<HistoryEntry> entries = new ArrayList<>();
		answer.forEach((row) -> entries.add(HistoryEntry.of(row)));
		entries.sort(Comparator.comparingLong(HistoryEntry::id));
		return new AgentHistory(List.copyOf(entries));
	}

	/**
	 * The highest row id, or 0 for an empty history: a run asked for later gets a higher
	 * one.
	 */
	long highestId() {
		return this.entries.isEmpty() ? 0 : this.entries.get(this.entries.size() - 1).id();
	}

	Optional<HistoryEntry> entry(long id) {
		return this.entries.stream().filter((entry) -> entry.id() == id).findFirst();
	}

	/**
	 * The row of the run asked for after {@code marker}, as far as the history tells it:
	 * a run of the script written after the marker, whose results, once the agent has
	 * reported, are what the agent answered. Tactical keeps neither the arguments nor a
	 * run id in the row, so the answer is what tells this run from one someone else
	 * started at the same moment; without one (the agent did not answer) the first run
	 * after the marker is this one.
	 * @param answer what the agent answered, or null when it did not
	 * @return the row, with or without its result yet; empty while there is none
	 */
	Optional<HistoryEntry> runAfter(long marker, int scriptPk, String answer) {
		List<HistoryEntry> runs = this.entries.stream()
			.filter((entry) -> entry.id() > marker && entry.isRunOf(scriptPk))
			.toList();
		if (runs.isEmpty()) {
			return Optional.empty();
		}
		if (answer != null) {
			Optional<HistoryEntry> same = runs.stream()
				.filter((run) -> run.hasResult() && run.answer().equals(answer))
				.findFirst();
			if (same.isPresent()) {
				return same;
			}
			// A finished run with another output, while one is still being written:
			// this run may be the one still being written.
			Optional<HistoryEntry> pending = runs.stream().filter((run) -> !run.hasResult()).findFirst();
			if (runs.get(0).hasResult() && pending.isPresent()) {
				return pending;
			}
		}
		return Optional.of(runs.get(0));
	}

}
