package com.optoutbatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * What reading a run's inputs depends on besides the files, as one SHA-256: the version
 * of optout-batch, the run's parameters (its date, and which inputs it reads and keeps,
 * aside), the {@code optout.*} settings, the content of the files these name (rules,
 * profiles), and the workspace's own message model ({@code output/model/}). A file read
 * on another basis may read differently, so it is read again ({@link InputLedger}). The
 * settings that do not change how a file reads are left out: where the workspace lies,
 * who is notified, when the scheduler runs and the live IMAP folder's account.
 */
@Component
public class ReadingBasis {

	private static final List<String> NOT_READING = List.of("optout.home", "optout.notify.", "optout.schedule.",
			"optout.mailbox.imap.");

	private final Workspace workspace;

	private final ConfigurableEnvironment environment;

	public ReadingBasis(Workspace workspace, ConfigurableEnvironment environment) {
		this.workspace = workspace;
		this.environment = environment;
	}

	public String of(Map<String, String> parameters) {
		Map<String, String> basis = new TreeMap<>();
		basis.put("version", String.valueOf(ReadingBasis.class.getPackage().getImplementationVersion()));
		parameters.forEach((name, value) -> {
			if (!name.equals(RunFileWriter.RUN_DATE) && !name.startsWith("inputs")) {
				basis.put("parameter " + name, value + contentOf(value));
			}
		});
		for (var source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (name.startsWith("optout.") && NOT_READING.stream().noneMatch(name::startsWith)) {
						String value = environment.getProperty(name, "");
						basis.putIfAbsent("setting " + name, value + contentOf(value));
					}
				}
			}
		}
		try (var models = Files.list(workspace.output("model"))) {
			models.filter(Files::isRegularFile)
				.forEach(model -> basis.put("model " + model.getFileName(), contentOf(model.toString())));
		}
		catch (IOException noModelOfItsOwn) {
			// the shipped model, part of the version
		}
		return Sha256.ofLines(basis.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
	}

	// the SHA-256 of the file a value names, in the workspace or absolute; else nothing
	private String contentOf(String value) {
		try {
			Path file = workspace.home().resolve(value);
			return !value.isBlank() && Files.isRegularFile(file) ? " " + Sha256.of(file) : "";
		}
		catch (InvalidPathException notAPath) {
			return "";
		}
	}

}
