package com.optoutbatch.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.optoutbatch.support.RunFileWriter.RunFile;
import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.RunFiles.UnreadInput;
import com.optoutbatch.support.Workspace;

/**
 * How a night ended, as the launch decided it before anything is sent: completed, failed,
 * or completed with opt-out sources that could not be read whole (the exit codes 0, 1 and
 * 5); {@code reason} is the launch's one line for the last two.
 */
public record NightEnd(LocalDate runDate, State state, String reason) {

	public enum State {

		COMPLETED, FAILED, OPT_OUT_SOURCES_NOT_READ_WHOLE

	}

	public static NightEnd completed(LocalDate runDate) {
		return new NightEnd(runDate, State.COMPLETED, null);
	}

	/**
	 * How the nightly run of a past date ended, from its run files; empty when that date
	 * has no nightly run.
	 */
	static java.util.Optional<NightEnd> of(Workspace workspace, LocalDate runDate) {
		return RunFiles.read(workspace, runDate, Notifications.NIGHTLY).map(night -> of(workspace, night));
	}

	private static NightEnd of(Workspace workspace, RunFile night) {
		if (!"COMPLETED".equals(night.status())) {
			String failure = night.exitDescription() != null && !night.exitDescription().isBlank()
					? night.exitDescription().lines().findFirst().orElse(night.status()) : night.failure();
			return new NightEnd(night.runDate(), State.FAILED, failure == null ? "nightly " + night.status() : failure);
		}
		List<UnreadInput> unread = RunFiles.optOutSourcesNotReadWhole(workspace, night.runDate());
		if (unread.isEmpty()) {
			return completed(night.runDate());
		}
		return new NightEnd(night.runDate(), State.OPT_OUT_SOURCES_NOT_READ_WHOLE,
				String.format("nightly completed, but %d opt-out %s could not be read whole: %s", unread.size(),
						unread.size() == 1 ? "source" : "sources",
						unread.stream().map(UnreadInput::toString).collect(Collectors.joining(", "))));
	}

}
