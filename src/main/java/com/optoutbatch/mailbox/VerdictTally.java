package com.optoutbatch.mailbox;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RecordTally;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Counts the scanned messages per verdict in the step's execution context, for the run file,
 * and lets through what the writer needs: notices and look-alikes go on (used), other
 * Amazon mail and everything else is filtered.
 */
class VerdictTally implements ItemProcessor<ScannedMail, ScannedMail>, ItemStream {

	private static final Logger log = LoggerFactory.getLogger(VerdictTally.class);

	private final Map<NoticeVerdict, Long> verdicts = new EnumMap<>(NoticeVerdict.class);

	@Override
	public ScannedMail process(ScannedMail scanned) {
		NoticeFinding finding = scanned.finding();
		verdicts.merge(finding.verdict(), 1L, Long::sum);
		if (finding.verdict() == NoticeVerdict.OPT_OUT_NOTICE) {
			log.debug("{} {}: opt-out of order {} ({})", scanned.source(), scanned.position(), finding.orderId(),
					finding.reason());
		}
		return finding.verdict().isUsed() ? scanned : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext context) {
		Object committed = context.get(RecordTally.KINDS_KEY);
		if (committed instanceof Map<?, ?> counts) {
			((Map<String, Long>) counts).forEach((verdict, count) -> verdicts.put(NoticeVerdict.valueOf(verdict), count));
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

}
