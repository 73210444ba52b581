package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

	/** The regular, visible files of an input folder, by name; none when the folder is missing. */
	public List<Path> inputFiles(String kind) {
		Path dir = input(kind);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.filter(file -> !file.getFileName().toString().equalsIgnoreCase("README.md"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + dir, e);
		}
	}

}
