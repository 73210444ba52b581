package com.optoutbatch.mailbox;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RejectedRecordException.Unread;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Parses a message and gives it its verdict, counted per verdict in the step's execution
 * context for the run file. Notices and look-alikes go on to the writer (used); other
 * Amazon mail and everything else is filtered. A message over a cap, that cannot be
 * parsed or that is not mail (no header block) is rejected with its position and
 * Message-ID; one whose syntax is broken counts as unread.
 */
class MailScanner implements ItemProcessor<RawMessage, ScannedMail>, ItemStream {

	private static final Logger log = LoggerFactory.getLogger(MailScanner.class);

	private final MessageParser parser;

	private final NoticeDetector detector;

	private final Map<NoticeVerdict, Long> verdicts = new EnumMap<>(NoticeVerdict.class);

	MailScanner(MessageParser parser, NoticeDetector detector) {
		this.parser = parser;
		this.detector = detector;
	}

	@Override
	public ScannedMail process(RawMessage message) {
		ScannedMail scanned = scan(message);
		verdicts.merge(scanned.finding().verdict(), 1L, Long::sum);
		if (scanned.finding().verdict() == NoticeVerdict.OPT_OUT_NOTICE) {
			log.debug("{} {}: opt-out of order {} ({})", message.source(), message.position(),
					scanned.finding().orderId(), scanned.finding().reason());
		}
		return scanned.finding().verdict().isUsed() ? scanned : null;
	}

	/**
	 * The finding about one message; throws {@link RejectedRecordException} for a message
	 * it cannot judge.
	 */
	ScannedMail scan(RawMessage message) {
		byte[] bytes;
		try {
			bytes = message.load();
		}
		catch (IOException e) {
			throw RejectedRecordException.unparseable(message.position(), "unreadable message", e.getMessage(), "");
		}
		if (MailHead.isBlank(bytes, bytes.length)) {
			throw new RejectedRecordException(message.position(), "empty message", "", bytes.length + " bytes");
		}
		if (!MailHead.startsWithHeader(bytes, Math.min(bytes.length, MailHead.BYTES))) {
			String binary = MailHead.notText(bytes, Math.min(bytes.length, MailHead.BYTES));
			String detail = binary != null ? "binary content: " + binary : "no mail header block at its start";
			throw RejectedRecordException.unparseable(message.position(), "not mail", detail, bytes.length + " bytes");
		}
		ParsedMail mail;
		try {
			mail = parser.parse(bytes);
		}
		catch (MailCapExceededException e) {
			throw reject(message, bytes, e.reason(), e.getMessage(), Unread.NOTHING);
		}
		catch (Exception | StackOverflowError e) {
			throw reject(message, bytes, "unparseable message", e.getClass().getSimpleName() + ": " + e.getMessage(),
					Unread.RECORD);
		}
		NoticeFinding finding = detector.detect(mail);
		byte[] quarantine = finding.verdict() == NoticeVerdict.LOOKALIKE ? bytes : null;
		return new ScannedMail(message.source(), message.index(), message.position(), mail.messageId(), finding,
				quarantine);
	}

	private static RejectedRecordException reject(RawMessage message, byte[] bytes, String reason, String detail,
			Unread unread) {
		return new RejectedRecordException(MailFileReader.where(message.position(), MailFileReader.messageId(bytes)),
				reason, detail == null ? "" : detail.lines().findFirst().orElse(""), bytes.length + " bytes", unread);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext context) {
		Object committed = context.get(RecordTally.KINDS_KEY);
		if (committed instanceof Map<?, ?> counts) {
			((Map<String, Long>) counts)
				.forEach((verdict, count) -> verdicts.put(NoticeVerdict.valueOf(verdict), count));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (NoticeVerdict verdict : NoticeVerdict.values()) {
			counts.put(verdict.name(), verdicts.getOrDefault(verdict, 0L));
		}
		context.put(RecordTally.KINDS_KEY, counts);
	}

	Map<NoticeVerdict, Long> verdicts() {
		return Map.copyOf(verdicts);
	}

}
