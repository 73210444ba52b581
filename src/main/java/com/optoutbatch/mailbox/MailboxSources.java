package com.optoutbatch.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of a scan under a folder such as {@code input/mailbox/}: every mail file and
 * every Maildir folder, at any depth, by path. A Maildir is one input; the files inside it
 * are its messages.
 */
final class MailboxSources {

	private MailboxSources() {
	}

	static List<Path> under(Path folder) {
		List<Path> inputs = new ArrayList<>();
		if (Files.isDirectory(folder)) {
			collect(folder, inputs);
		}
		return inputs;
	}

	private static void collect(Path folder, List<Path> inputs) {
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.sorted().toList()) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".") || name.equalsIgnoreCase("README.md")) {
					continue;
				}
				if (Files.isDirectory(entry)) {
					if (MailFileReader.isMaildir(entry)) {
						inputs.add(entry);
					}
					else {
						collect(entry, inputs);
					}
				}
				else if (Files.isRegularFile(entry)) {
					inputs.add(entry);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
	}

}
