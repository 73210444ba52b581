package com.optoutbatch.support;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The folder a run reads its {@code input/} from and writes its {@code output/} to.
 * Set by {@code optout.home} (or the environment variable {@code OPTOUT_HOME}).
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
	 * The files of an input folder, by name; none when the folder is missing. Folders inside
	 * it are not read, and a symlink is followed only within {@code input/} (see
	 * {@link InputListing}); what is skipped is logged and named in the job's run file.
	 */
	public List<Path> inputFiles(String kind) {
		return InputListing.of(home.resolve("input"), input(kind), 1, folder -> false).reported();
	}

}
