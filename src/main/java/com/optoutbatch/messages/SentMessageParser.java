package com.optoutbatch.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.orders.BuyerAlias;
import com.optoutbatch.support.ExportDates;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks and normalises one log record: a well-formed order id when there is one, a
 * readable send date, the recipient as a normalised alias, something to classify. The key
 * is the tool and the export's id, or when there is no id a hash of tool, order,
 * recipient, subject and send time, so that the same message keeps its key in every
 * import. It starts with the order id when there is one: the key's index and the
 * messages' (order, sent time) index then keep the same rows side by side, and an import
 * walks both along the same rows (HSQLDB keeps the index nodes in the rows on disk).
 */
class SentMessageParser implements ItemProcessor<MessageLogLine, SentMessage> {

	static final int MAX_SUBJECT = 1000;

	static final int MAX_MESSAGE_ID = 128;

	static final int MAX_TOOL = 64;

	@Override
	public SentMessage process(MessageLogLine line) {
		String orderId = line.get(MessageField.ORDER_ID);
		if (orderId != null && !OrderIds.isOrderId(orderId)) {
			throw reject(line, "malformed order id", "'" + orderId + "' is not of the form 123-1234567-1234567");
		}
		String sent = line.get(MessageField.SENT_AT);
		if (sent == null) {
			throw reject(line, "no sent date", "the message has no date it was sent");
		}
		OffsetDateTime sentAt;
		try {
			sentAt = ExportDates.parse(sent);
		}
		catch (DateTimeParseException e) {
			throw reject(line, "unreadable sent date", "'" + sent + "' is not a date");
		}
		String recipient;
		try {
			recipient = BuyerAlias.normalise(line.get(MessageField.RECIPIENT));
		}
		catch (IllegalArgumentException e) {
			throw reject(line, "malformed recipient", "the recipient cell is not an e-mail address");
		}
		String subject = line.get(MessageField.SUBJECT);
		String body = line.get(MessageField.BODY);
		if (subject == null && body == null) {
			throw reject(line, "no subject and no body", "there is nothing to classify");
		}
		if (subject != null && subject.length() > MAX_SUBJECT) {
			subject = subject.substring(0, MAX_SUBJECT);
		}
		String tool = line.get(MessageField.TOOL);
		if (tool == null) {
			tool = line.layout().tool();
		}
		if (tool != null && tool.length() > MAX_TOOL) {
			tool = tool.substring(0, MAX_TOOL);
		}
		String messageId = line.get(MessageField.MESSAGE_ID);
		if (messageId != null && messageId.length() > MAX_MESSAGE_ID) {
			throw reject(line, "message id too long", messageId.length() + " characters, at most " + MAX_MESSAGE_ID);
		}
		String key = messageId != null ? key("id", tool, messageId) : key("sent", tool, orderId, recipient, subject,
				sentAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
		if (orderId != null) {
			key = orderId + "/" + key;
		}
		return new SentMessage(key, messageId, tool, orderId, recipient, subject, body, sentAt,
				line.file().getFileName().toString(), line.line());
	}

	private static String key(String... parts) {
		StringBuilder identity = new StringBuilder();
		for (String part : parts) {
			identity.append(part == null ? "" : part.strip().toLowerCase(Locale.ROOT)).append('\u001F');
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RejectedRecordException reject(MessageLogLine line, String reason, String detail) {
		return new RejectedRecordException(line.line(), reason, detail, line.maskedRecord());
	}

}
