package com.optoutbatch.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the jobs stored of the inputs (orders, messages, the registry, the seller's
 * labels), as a version cheap to take on a database of millions of rows: the last time a
 * file was read into it ({@link InputLedger}), the IMAP mail scanned and the labels. Two
 * equal versions mean the same stored data, so what was made of it (the classified
 * messages, the campaign decisions, the report's review) need not be made again.
 */
@Component
public class StoredData {

	/** Every folder whose files are read into the database. */
	public static final List<String> ALL = List.of("orders", "messages", "optouts", "mailbox");

	private final JdbcTemplate jdbc;

	public StoredData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The version of what the files of {@code folders} put in the database (with the IMAP
	 * mail when {@code mailbox} is one) and the labels, and of whatever else
	 * {@code alsoFrom} adds (the rules a result used).
	 */
	public String version(List<String> folders, String... alsoFrom) {
		// another version of optout-batch may make something else of the same data
		List<String> lines = new ArrayList<>();
		lines.add(String.valueOf(StoredData.class.getPackage().getImplementationVersion()));
		lines.addAll(List.of(alsoFrom));
		String read = folders.stream()
			.map(folder -> "input_path LIKE '" + folder + "/%'")
			.collect(Collectors.joining(" OR ",
					"SELECT MAX(pinned_at) FROM input_ledger WHERE unchanged_since IS NULL AND (", ")"));
		List<String> queries = new ArrayList<>(
				List.of(read, "SELECT message_id || ' ' || category FROM seller_labels ORDER BY message_id"));
		if (folders.contains("mailbox")) {
			queries.add("SELECT COUNT(*) FROM mailbox_imap_processed");
		}
		for (String query : queries) {
			lines.addAll(jdbc.queryForList(query, String.class).stream().map(String::valueOf).toList());
		}
		return Sha256.ofLines(lines);
	}

}
