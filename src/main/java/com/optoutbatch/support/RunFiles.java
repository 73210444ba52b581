package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.optoutbatch.support.RunFileWriter.InputFile;
import com.optoutbatch.support.RunFileWriter.RunFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run files {@link RunFileWriter} writes, read back for what the launch and the
 * report say of a run.
 */
public final class RunFiles {

	/**
	 * The job that reads the opt-out sources: the mailbox files, the IMAP folder, the
	 * opt-out lists.
	 */
	public static final String OPT_OUT_SOURCES_JOB = "scanMailbox";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunFiles() {
	}

	/**
	 * {@code output/runs/<run.date>/<jobName>.json}: the newest run of that job at that
	 * date; empty when none.
	 */
	public static Optional<RunFile> read(Workspace workspace, LocalDate runDate, String jobName) {
		Path file = workspace.output("runs", runDate.toString(), jobName + ".json");
		return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), RunFile.class)) : Optional.empty();
	}

	/**
	 * The opt-out sources of the run at this date that could not be read whole: whatever
	 * they held unread may be an opt-out the registry lacks, so a send list may still
	 * hold that buyer.
	 */
	public static List<UnreadInput> optOutSourcesNotReadWhole(Workspace workspace, LocalDate runDate) {
		return read(workspace, runDate, OPT_OUT_SOURCES_JOB).map(RunFiles::notReadWhole).orElse(List.of());
	}

	/** The inputs of a run that could not be read whole, each with why. */
	public static List<UnreadInput> notReadWhole(RunFile run) {
		return run.inputs().stream().filter(InputFile::notReadWhole).map(UnreadInput::of).toList();
	}

	/**
	 * An input that could not be read whole: {@code why} is the reason none of it could
	 * be read ("not a text file"), or how many of its records could not be ("3 unreadable
	 * records").
	 */
	public record UnreadInput(String file, String why) {

		static UnreadInput of(InputFile input) {
			return new UnreadInput(input.file(), input.unreadFile() != null ? input.unreadFile() : input.unreadRecords()
					+ (input.unreadRecords() == 1 ? " unreadable record" : " unreadable records"));
		}

		@Override
		public String toString() {
			return file + " (" + why + ")";
		}

	}

}
