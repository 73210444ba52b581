package com.optoutbatch.support;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTests {

	@TempDir
	Path home;

	@Test
	void anInputIsNamedByItsPathUnderItsFolder() {
		Workspace workspace = new Workspace(home);

		assertThat(workspace.inputName(home.resolve("input/orders/all-orders.txt"))).isEqualTo("all-orders.txt");
		assertThat(workspace.inputName(home.resolve("input/campaigns/generic/review-requests-nov.csv")))
			.isEqualTo("generic/review-requests-nov.csv");
		assertThat(workspace.inputName(home.resolve("input/campaigns/generic.review-requests-nov.csv")))
			.isEqualTo("generic.review-requests-nov.csv");
		assertThat(workspace.inputName(Path.of("imap-seller@imap.example.com-INBOX")))
			.isEqualTo("imap-seller@imap.example.com-INBOX");
	}

	@Test
	void outputsOfInputsAtDifferentPathsAreDifferentFiles() {
		Workspace workspace = new Workspace(home);

		assertThat(workspace.outputFor(home.resolve("input/mailbox/a/inbox.mbox"), ".rejects.csv", "rejects",
				"scanMailbox"))
			.isEqualTo(home.resolve("output/rejects/scanMailbox/a/inbox.mbox.rejects.csv"));
		assertThat(workspace.outputFor(home.resolve("input/mailbox/b/inbox.mbox"), ".rejects.csv", "rejects",
				"scanMailbox"))
			.isEqualTo(home.resolve("output/rejects/scanMailbox/b/inbox.mbox.rejects.csv"));
		assertThat(workspace.outputFor(home.resolve("input/mailbox/inbox.mbox"), ".3.eml", "quarantine"))
			.isEqualTo(home.resolve("output/quarantine/inbox.mbox.3.eml"));
	}

}
