package com.optoutbatch.mailbox;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxSourcesTests {

	@TempDir
	Path dir;

	Path input;

	Path mailbox;

	@BeforeEach
	void workspace() throws Exception {
		input = Files.createDirectories(dir.resolve("seller/input"));
		mailbox = Files.createDirectories(input.resolve("mailbox"));
		Files.writeString(mailbox.resolve("inbox.mbox"), "From a 2026\nSubject: 1\n\n1\n");
		Files.createDirectories(input.resolve("orders"));
		Files.writeString(input.resolve("orders/order-report.txt"), "amazon-order-id\tpurchase-date\n");
	}

	@Test
	void symlinkLoopIsNotFollowedSoNoOrderReportIsReadAsMail() throws Exception {
		Files.createSymbolicLink(mailbox.resolve("loop"), Path.of(".."));
		Files.createDirectories(mailbox.resolve("archive"));
		Files.createSymbolicLink(mailbox.resolve("archive/back"), Path.of("../.."));

		assertThat(MailboxSources.under(mailbox)).containsExactly(mailbox.resolve("inbox.mbox"));
	}

	@Test
	void symlinkedMaildirInsideInputIsOneInputAndNoMessageLinkLeavesTheWorkspace() throws Exception {
		Path maildir = Files.createDirectories(input.resolve("archive/Maildir/cur"));
		Files.writeString(maildir.resolve("1.host:2,S"), "Subject: a\n\na\n");
		Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("2.host:2,S"),
				"Subject: b\n\nb\n");
		Files.createSymbolicLink(maildir.resolve("2.host:2,S"), outside);
		Files.createSymbolicLink(mailbox.resolve("Maildir"), Path.of("../archive/Maildir"));

		assertThat(MailboxSources.under(mailbox)).containsExactly(mailbox.resolve("Maildir"),
				mailbox.resolve("inbox.mbox"));
		MailFileReader reader = new MailFileReader(mailbox.resolve("Maildir"), input, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());
		assertThat(reader.read().position()).isEqualTo("cur/1.host:2,S");
		assertThat(reader.read()).isNull();
	}

}
