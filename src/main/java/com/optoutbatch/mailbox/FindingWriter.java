package com.optoutbatch.mailbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.optoutbatch.optouts.OptOut;
import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.optouts.OptOutSource;
import com.optoutbatch.optouts.RestrictionNotice;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Acts on the findings of a chunk: opt-out notices join the registry, restriction notices
 * their table, look-alikes are copied to {@code output/quarantine/} at their mailbox's
 * path under {@code input/mailbox/} followed by their number in it
 * ({@code a/inbox.mbox.12.eml}), so that a second scan overwrites instead of adding and
 * two mailboxes never share a copy.
 */
class FindingWriter implements ItemWriter<ScannedMail> {

	private final OptOutRegistry registry;

	private final Workspace workspace;

	private final Path source;

	/**
	 * @param source the mailbox input the step reads: a file or Maildir folder, or an
	 * IMAP folder's label
	 */
	FindingWriter(OptOutRegistry registry, Workspace workspace, Path source) {
		this.registry = registry;
		this.workspace = workspace;
		this.source = source;
	}

	@Override
	public void write(Chunk<? extends ScannedMail> chunk) {
		List<OptOut> optOuts = new ArrayList<>();
		List<RestrictionNotice> restrictions = new ArrayList<>();
		for (ScannedMail mail : chunk) {
			NoticeFinding finding = mail.finding();
			switch (finding.verdict()) {
				case OPT_OUT_NOTICE -> optOuts.add(new OptOut(finding.marketplace(), finding.orderId(), null,
						finding.noticeDate(), OptOutSource.MAILBOX, mail.evidence()));
				case RESTRICTION_NOTICE -> restrictions.add(new RestrictionNotice(noticeKey(mail),
						finding.marketplace(), finding.noticeDate(), mail.evidence()));
				case LOOKALIKE -> quarantine(mail);
				default -> {
				}
			}
		}
		registry.record(optOuts);
		registry.recordRestrictions(restrictions);
	}

	private void quarantine(ScannedMail mail) {
		// each copy is whole by itself: it is published as soon as it is written
		PublishedFile.write(workspace, workspace.outputFor(source, "." + mail.index() + ".eml", "quarantine"),
				mail.bytes());
	}

	private static String noticeKey(ScannedMail mail) {
		return mail.messageId() != null ? mail.messageId() : mail.evidence();
	}

}
