package com.optoutbatch.messages;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores each message once, by its key: a message imported again keeps its row and only
 * gets the classification of the current rules, so that a changed rules file takes
 * effect on the next import; a row the rules classify as before is not rewritten.
 */
class MessageWriter implements ItemWriter<ClassifiedMessage> {

	private static final String MERGE = """
			MERGE INTO messages m
			USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(64)),
			               CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(1000)),
			               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(128)),
			               CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(512)),
			               CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE)))
			      AS s (message_key, message_id, tool, order_id, recipient_alias, subject, sent_at, category,
			            rule_name, reason, flags, source_file, source_line, imported_at)
			ON m.message_key = s.message_key
			WHEN MATCHED AND (s.category <> m.category OR s.rule_name IS DISTINCT FROM m.rule_name
			    OR s.reason <> m.reason OR s.flags <> m.flags) THEN UPDATE SET
			    category = s.category, rule_name = s.rule_name, reason = s.reason, flags = s.flags
			WHEN NOT MATCHED THEN
			    INSERT (message_key, message_id, tool, order_id, recipient_alias, subject, sent_at, category,
			            rule_name, reason, flags, source_file, source_line, imported_at)
			    VALUES (s.message_key, s.message_id, s.tool, s.order_id, s.recipient_alias, s.subject, s.sent_at,
			            s.category, s.rule_name, s.reason, s.flags, s.source_file, s.source_line, s.imported_at)
			""";

	static final int MAX_REASON = 2000;

	private final JdbcTemplate jdbc;

	MessageWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void write(Chunk<? extends ClassifiedMessage> items) {
		// one row per key even when a log lists the same message twice in a chunk
		Map<String, ClassifiedMessage> messages = new LinkedHashMap<>();
		for (ClassifiedMessage item : items) {
			messages.putIfAbsent(item.message().key(), item);
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.batchUpdate(MERGE, messages.values(), messages.size(), (statement, item) -> {
			SentMessage message = item.message();
			Classification classification = item.classification();
			statement.setString(1, message.key());
			statement.setString(2, message.messageId());
			statement.setString(3, message.tool());
			statement.setString(4, message.orderId());
			statement.setString(5, message.recipientAlias());
			statement.setString(6, message.subject());
			statement.setObject(7, message.sentAt());
			statement.setString(8, classification.category().name());
			statement.setString(9, classification.rule());
			statement.setString(10, abbreviate(classification.reason()));
			statement.setString(11, ContentFlag.codes(classification.flags()));
			statement.setString(12, message.sourceFile());
			statement.setLong(13, message.line());
			statement.setObject(14, now);
		});
	}

	private static String abbreviate(String reason) {
		return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

}
