package com.optoutbatch.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.optoutbatch.optouts.OptOut;
import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.optouts.OptOutSource;
import com.optoutbatch.optouts.RestrictionNotice;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Acts on the findings of a chunk: opt-out notices join the registry, restriction notices
 * their table, look-alikes are copied to {@code output/quarantine/} under a name made of
 * their source and position, so that a second scan overwrites instead of adding.
 */
class FindingWriter implements ItemWriter<ScannedMail> {

	private final OptOutRegistry registry;

	private final Path quarantine;

	FindingWriter(OptOutRegistry registry, Path quarantine) {
		this.registry = registry;
		this.quarantine = quarantine;
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
		try {
			Files.createDirectories(quarantine);
			Files.write(quarantine.resolve(name), mail.bytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot quarantine " + mail, e);
		}
	}

	private static String noticeKey(ScannedMail mail) {
		return mail.messageId() != null ? mail.messageId() : mail.evidence();
	}

}
