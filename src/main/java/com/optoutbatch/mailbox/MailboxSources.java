package com.optoutbatch.mailbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.optoutbatch.support.InputListing;

/**
 * The inputs of a scan under a folder such as {@code input/mailbox/}: every mail file and
 * every Maildir folder, at any depth, by path. A Maildir is one input; the files inside
 * it are its messages. Symlinks are followed only within {@code input/} and never into a
 * loop; what is skipped, in the Maildirs too, is logged and named in the run file.
 */
final class MailboxSources {

	private MailboxSources() {
	}

	static List<Path> under(Path folder) {
		Path inputRoot = folder.getParent();
		InputListing sources = InputListing.of(inputRoot, folder, Integer.MAX_VALUE, MailFileReader::isMaildir);
		List<InputListing.Skipped> skipped = new ArrayList<>(sources.skipped());
		for (Path input : sources.inputs()) {
			if (MailFileReader.isMaildir(input)) {
				for (String messages : MailFileReader.MAILDIR_MESSAGES) {
					skipped.addAll(InputListing.of(inputRoot, input.resolve(messages), 1, dir -> false).skipped());
				}
			}
		}
		return new InputListing(sources.inputs(), skipped).reported();
	}

}
