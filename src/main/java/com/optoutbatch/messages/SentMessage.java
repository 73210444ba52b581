package com.optoutbatch.messages;

import java.time.OffsetDateTime;

/**
 * A message the seller sent, checked and normalised. {@code key} identifies it across
 * imports; {@code messageId} is the export's own id, when it has one.
 */
record SentMessage(String key, String messageId, String tool, String orderId, String recipientAlias, String subject,
		String body, OffsetDateTime sentAt, String sourceFile, long line) {
}
