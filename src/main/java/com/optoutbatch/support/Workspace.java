package com.optoutbatch.support;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The folder a run reads its {@code input/} from and writes its {@code output/} to. Set
 * by {@code optout.home} (or the environment variable {@code OPTOUT_HOME}).
 */
@ConfigurationProperties("optout")
public record Workspace(Path home) {

	public Workspace {
		home = (home == null ? Path.of(".") : home).toAbsolutePath().normalize();
	}

	public Path input(String kind) {
		return home.resolve("input").resolve(kind);
	}

	public Path output(String first, String... more) {
		return home.resolve("output").resolve(Path.of(first, more));
	}

	/**
	 * An input's path under its kind's folder, with {@code /} between folders:
	 * {@code all-orders.txt}, {@code generic/review-requests-nov.csv},
	 * {@code a/inbox.mbox}; the name alone of anything that is not in an input folder (an
	 * IMAP folder's label).
	 */
	public String inputName(Path input) {
		Path inputs = home.resolve("input");
		Path path = input.toAbsolutePath().normalize();
		if (!input.isAbsolute() || !path.startsWith(inputs) || inputs.relativize(path).getNameCount() < 2) {
			return input.getFileName().toString();
		}
		Path relative = inputs.relativize(path);
		return relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
	}

	/**
	 * Where an output made from one input goes: the input's path under its kind's folder
	 * ({@link #inputName}), under {@code output/<folders>/}, with {@code suffix} added:
	 * {@code input/mailbox/a/inbox.mbox} gives
	 * {@code output/rejects/scanMailbox/a/inbox.mbox.rejects.csv}. Every output named
	 * from an input is named here, so inputs at different paths never share an output.
	 */
	public Path outputFor(Path input, String suffix, String folder, String... more) {
		return output(folder, more).resolve(inputName(input) + suffix);
	}

	/**
	 * The files of an input folder, by name; none when the folder is missing. Folders
	 * inside it are not read, and a symlink is followed only within {@code input/} (see
	 * {@link InputListing}); what is skipped is logged and named in the job's run file.
	 */
	public List<Path> inputFiles(String kind) {
		return InputListing.of(home.resolve("input"), input(kind), 1, folder -> false).reported();
	}

}
