package com.optoutbatch.messages;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seller's labels in the database: a label for a message that was never imported is
 * rejected; the others are kept, the last one read for a message winning, and override
 * the category of the stored messages they name.
 */
class SellerLabels implements ItemProcessor<SellerLabel, SellerLabel>, ItemWriter<SellerLabel> {

	private static final String MERGE = """
			MERGE INTO seller_labels l
			USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(512)), CAST(? AS BIGINT)))
			      AS s (message_id, category, source_file, source_line)
			ON l.message_id = s.message_id
			WHEN MATCHED THEN UPDATE SET category = s.category, source_file = s.source_file, source_line = s.source_line
			WHEN NOT MATCHED THEN INSERT (message_id, category, source_file, source_line)
			    VALUES (s.message_id, s.category, s.source_file, s.source_line)
			""";

	// the stored messages a label overrides
	private static final String OVERRIDDEN = """
			WHERE m.classified_as IS NULL
			  AND EXISTS (SELECT 1 FROM seller_labels l WHERE l.message_id = m.message_id AND l.category <> m.category)
			""";

	// the classifier's category and reason are kept; a message the classifier put where
	// the
	// seller does is left alone
	private static final String OVERRIDE = """
			UPDATE messages m SET
			    classified_as = m.category,
			    category = (SELECT l.category FROM seller_labels l WHERE l.message_id = m.message_id),
			    reason = SUBSTRING((SELECT 'labelled ' || l.category || ' by the seller (' || l.source_file
			                               || ', line ' || CAST(l.source_line AS VARCHAR(20)) || '); classified '
			                               || m.category || ': '
			                        FROM seller_labels l WHERE l.message_id = m.message_id) || m.reason FROM 1 FOR 2000)
			""" + OVERRIDDEN;

	private static final Logger log = LoggerFactory.getLogger(SellerLabels.class);

	private final JdbcTemplate jdbc;

	SellerLabels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Forgets the labels read before: the files of tonight are the seller's word. */
	void forget() {
		jdbc.update("DELETE FROM seller_labels");
	}

	@Override
	public SellerLabel process(SellerLabel label) {
		Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE message_id = ?", Long.class,
				label.messageId());
		if (stored == null || stored == 0) {
			throw new RejectedRecordException(label.line(), "unknown message",
					"no imported message has the id " + label.messageId(), label.messageId() + "," + label.category());
		}
		return label;
	}

	@Override
	public void write(Chunk<? extends SellerLabel> labels) {
		List<Object[]> rows = labels.getItems()
			.stream()
			.map(label -> new Object[] { label.messageId(), label.category().name(), label.file(), label.line() })
			.toList();
		jdbc.batchUpdate(MERGE, rows);
	}

	/** Overrides the stored messages' categories with the labels. */
	void override() {
		// without labels, the update would still go through every stored message
		Long labels = jdbc.queryForObject("SELECT COUNT(*) FROM seller_labels", Long.class);
		if (labels == null || labels == 0) {
			return;
		}
		OrderHistory.noteChanged(jdbc,
				jdbc.queryForList("SELECT m.order_id FROM messages m " + OVERRIDDEN, String.class));
		int overridden = jdbc.update(OVERRIDE);
		if (overridden > 0) {
			log.info("{} stored messages take the seller's category", overridden);
		}
	}

}
