package com.optoutbatch.mailbox;

import java.io.IOException;

import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses a message and gives it its verdict; keeps no state, so that it can scan on the
 * reading thread ({@link VerdictTally} counts the verdicts on the step's). A message over a
 * cap or that cannot be parsed is rejected with its position and Message-ID.
 */
class MailScanner implements ItemProcessor<RawMessage, ScannedMail> {

	private final MessageParser parser;

	private final NoticeDetector detector;

	MailScanner(MessageParser parser, NoticeDetector detector) {
		this.parser = parser;
		this.detector = detector;
	}

	/** The finding about one message; throws {@link RejectedRecordException} for a message it cannot judge. */
	@Override
	public ScannedMail process(RawMessage message) {
		byte[] bytes;
		try {
			bytes = message.load();
		}
		catch (IOException e) {
			throw new RejectedRecordException(message.position(), "unreadable message", e.getMessage(), "");
		}
		ParsedMail mail;
		try {
			mail = parser.parse(bytes);
		}
		catch (MailCapExceededException e) {
			throw reject(message, bytes, e.reason(), e.getMessage());
		}
		catch (Exception | StackOverflowError e) {
			throw reject(message, bytes, "unparseable message", e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		NoticeFinding finding = detector.detect(mail);
		byte[] quarantine = finding.verdict() == NoticeVerdict.LOOKALIKE ? bytes : null;
		return new ScannedMail(message.source(), message.index(), message.position(), mail.messageId(), finding,
				quarantine);
	}

	private static RejectedRecordException reject(RawMessage message, byte[] bytes, String reason, String detail) {
		return new RejectedRecordException(MailFileReader.where(message.position(), MailFileReader.messageId(bytes)),
				reason, detail == null ? "" : detail.lines().findFirst().orElse(""), bytes.length + " bytes");
	}

}
