package com.optoutbatch.mailbox;

import java.time.OffsetDateTime;

/**
 * The detector's finding about one message.
 *
 * @param orderId the order an opt-out notice names
 * @param marketplace the notice's marketplace, from its sender or X-Marketplace-ID;
 * {@code null} when unknown
 * @param noticeDate when Amazon sent the notice (for a forward: the forwarded message's
 * date when it is known)
 * @param reason why, in a few words, for the log
 */
record NoticeFinding(NoticeVerdict verdict, String orderId, String marketplace, OffsetDateTime noticeDate,
		String reason) {

	static NoticeFinding of(NoticeVerdict verdict, String reason) {
		return new NoticeFinding(verdict, null, null, null, reason);
	}

	NoticeFinding because(String why) {
		return new NoticeFinding(verdict, orderId, marketplace, noticeDate, why);
	}

}
