package com.optoutbatch.messages;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.ArrayColumn;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores each message once, by its key: a message imported again keeps its row and only
 * gets the classification of the current rules, so that a changed rules file takes effect
 * on the next import; a row the rules classify as before is not rewritten. The seller's
 * label of a message ({@link SellerLabels}) is applied again after the import. The
 * chunk's orders are noted for the {@link OrderHistory}.
 */
class MessageWriter implements ItemWriter<ClassifiedMessage> {

	private static final String MERGE = """
			MERGE INTO messages m
			USING (SELECT * FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(128) ARRAY),
			               CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(20) ARRAY),
			               CAST(? AS VARCHAR(320) ARRAY), CAST(? AS VARCHAR(1000) ARRAY),
			               CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY), CAST(? AS VARCHAR(16) ARRAY),
			               CAST(? AS VARCHAR(128) ARRAY), CAST(? AS VARCHAR(2000) ARRAY),
			               CAST(? AS VARCHAR(1000) ARRAY), CAST(? AS VARCHAR(512) ARRAY), CAST(? AS BIGINT ARRAY))
			      AS s (message_key, message_id, tool, order_id, recipient_alias, subject, sent_at, category,
			            rule_name, reason, flags, source_file, source_line)) s
			ON m.message_key = s.message_key
			WHEN MATCHED AND (s.category <> m.category OR s.rule_name IS DISTINCT FROM m.rule_name
			    OR s.reason <> m.reason OR s.flags <> m.flags) THEN UPDATE SET
			    category = s.category, rule_name = s.rule_name, reason = s.reason, flags = s.flags,
			    classified_as = NULL
			WHEN NOT MATCHED THEN
			    INSERT (message_key, message_id, tool, order_id, recipient_alias, subject, sent_at, category,
			            rule_name, reason, flags, source_file, source_line, imported_at)
			    VALUES (s.message_key, s.message_id, s.tool, s.order_id, s.recipient_alias, s.subject, s.sent_at,
			            s.category, s.rule_name, s.reason, s.flags, s.source_file, s.source_line,
			            CAST(? AS TIMESTAMP WITH TIME ZONE))
			""";

	private static final List<ArrayColumn<ClassifiedMessage>> COLUMNS = List.of(
			ArrayColumn.text(item -> item.message().key()), ArrayColumn.text(item -> item.message().messageId()),
			ArrayColumn.text(item -> item.message().tool()), ArrayColumn.text(item -> item.message().orderId()),
			ArrayColumn.text(item -> item.message().recipientAlias()),
			ArrayColumn.text(item -> item.message().subject()), ArrayColumn.timestamp(item -> item.message().sentAt()),
			ArrayColumn.text(item -> item.classification().category().name()),
			ArrayColumn.text(item -> item.classification().rule()),
			ArrayColumn.text(item -> abbreviate(item.classification().reason())),
			ArrayColumn.text(item -> ContentFlag.codes(item.classification().flags())),
			ArrayColumn.text(item -> item.message().sourceFile()), ArrayColumn.number(item -> item.message().line()));

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
		OffsetDateTime importedAt = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.update(MERGE, statement -> {
			ArrayColumn.set(statement, messages.values(), COLUMNS);
			statement.setObject(COLUMNS.size() + 1, importedAt);
		});
		OrderHistory.noteChanged(jdbc, messages.values().stream().map(item -> item.message().orderId()).toList());
	}

	private static String abbreviate(String reason) {
		return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

}
