package com.optoutbatch.mailbox;

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
 * their table, look-alikes are copied to {@code output/quarantine/} under a name made of
 * their source and position, so that a second scan overwrites instead of adding.
 */
class FindingWriter implements ItemWriter<ScannedMail> {

	private final OptOutRegistry registry;

	private final Workspace workspace;

	FindingWriter(OptOutRegistry registry, Workspace workspace) {
		this.registry = registry;
		this.workspace = workspace;
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
		String name = (mail.source() + "." + mail.index()).replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
		// each copy is whole by itself: it is published as soon as it is written
		PublishedFile.write(workspace, workspace.output("quarantine", name), mail.bytes());
	}

	private static String noticeKey(ScannedMail mail) {
		return mail.messageId() != null ? mail.messageId() : mail.evidence();
	}

}
