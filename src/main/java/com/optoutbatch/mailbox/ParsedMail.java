package com.optoutbatch.mailbox;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the detector needs of a message, decoded: the sender's address, the subject, the
 * date, the text of every text part (HTML turned into text), and the messages attached to
 * it as {@code message/rfc822}.
 *
 * @param from the sender's address, lowercased; {@code null} when there is none
 * @param marketplaceId the {@code X-Marketplace-ID} header, when there is one
 * @param deliveryReport whether it is a delivery status notification (a bounce)
 * @param authenticationFailed whether the receiving server recorded a DMARC failure
 */
record ParsedMail(String messageId, String from, String subject, OffsetDateTime date, String marketplaceId, String text,
		boolean deliveryReport, boolean authenticationFailed, List<ParsedMail> attached) {

	String fromDomain() {
		return from == null ? null : from.substring(from.indexOf('@') + 1);
	}

}
