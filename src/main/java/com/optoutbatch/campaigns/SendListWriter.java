package com.optoutbatch.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a list's verdicts: clean rows to {@code <list>.clean.csv}, held-back rows with
 * their reason to {@code <list>.suppressed.csv} (see {@link #sendList}), both in the
 * input's columns, delimiter, quoting, line ends and charset; and remembers held-back and
 * flagged rows for the unsubscribe files and the report. Both files are published when
 * the list's step completes; each chunk first cuts them back to what the last committed
 * chunk wrote, so a rolled-back chunk leaves nothing behind, and a restart appends to
 * them.
 */
class SendListWriter implements ItemStreamWriter<DecidedRow>, StepExecutionListener {

	static final String REASON_COLUMN = "reason";

	private static final String REMEMBER = """
			INSERT INTO campaign_held_rows (run_date, list_name, line, tool, order_id, buyer_alias, reason, held)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	private final CampaignList list;

	private final LocalDate runDate;

	private final JdbcTemplate jdbc;

	private final ListFile clean;

	private final ListFile suppressed;

	private Map<String, Long> heldBack = new LinkedHashMap<>();

	SendListWriter(CampaignList list, Workspace workspace, Path cleanFile, Path suppressedFile, LocalDate runDate,
			JdbcTemplate jdbc) {
		this.list = list;
		this.runDate = runDate;
		this.jdbc = jdbc;
		this.clean = list.usable() ? new ListFile("clean", PublishedFile.of(workspace, cleanFile), list.header())
				: null;
		List<String> header = new ArrayList<>(list.header());
		header.add(REASON_COLUMN);
		this.suppressed = list.usable()
				? new ListFile("suppressed", PublishedFile.of(workspace, suppressedFile), header) : null;
	}

	/**
	 * A copy of a list in {@code output/send-lists/}, at the list's path under
	 * {@code input/campaigns/}, the copy's kind before its extension:
	 * {@code generic/review-requests-nov.csv} gives
	 * {@code generic/review-requests-nov.clean.csv}. The kind goes before the last
	 * extension or, without one, at the end, so two lists never share a copy:
	 * {@code list.csv} and {@code list.tsv} give {@code list.clean.csv} and
	 * {@code list.clean.tsv}.
	 */
	static Path sendList(Workspace workspace, Path list, String kind) {
		Path mirror = workspace.outputFor(list, "", "send-lists");
		String name = mirror.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return mirror
			.resolveSibling(dot > 0 ? name.substring(0, dot) + "." + kind + name.substring(dot) : name + "." + kind);
	}

	@Override
	public void write(Chunk<? extends DecidedRow> rows) throws Exception {
		clean.rollBack();
		suppressed.rollBack();
		List<DecidedRow> remembered = new ArrayList<>();
		for (DecidedRow row : rows) {
			if (row.held()) {
				heldBack.merge(row.reason().name(), 1L, Long::sum);
				suppressed.add(withReason(row));
			}
			else {
				clean.add(row.row().cells());
			}
			if (row.remembered() != null) {
				remembered.add(row);
			}
		}
		clean.write();
		suppressed.write();
		jdbc.batchUpdate(REMEMBER, remembered, remembered.size(), (statement, row) -> {
			statement.setObject(1, runDate);
			statement.setString(2, list.name());
			statement.setLong(3, row.row().line());
			statement.setString(4, list.tool());
			statement.setString(5, row.orderId());
			statement.setString(6, row.buyerAlias());
			statement.setString(7, row.remembered());
			statement.setBoolean(8, row.held());
		});
	}

	@Override
	public void open(ExecutionContext context) {
		heldBack = new LinkedHashMap<>(RecordTally.filterReasons(context));
		if (clean != null) {
			clean.open(context);
			suppressed.open(context);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.put(RecordTally.FILTER_REASONS_KEY, new LinkedHashMap<>(heldBack));
		if (clean != null) {
			clean.update(context);
			suppressed.update(context);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (clean == null) {
			return null;
		}
		ExitStatus cleanStatus = clean.file.afterStep(stepExecution);
		ExitStatus suppressedStatus = suppressed.file.afterStep(stepExecution);
		return cleanStatus != null ? cleanStatus : suppressedStatus;
	}

	@Override
	public void close() {
		if (clean != null) {
			clean.file.close();
			suppressed.file.close();
		}
	}

	private static String[] withReason(DecidedRow row) {
		String[] cells = Arrays.copyOf(row.row().cells(), row.row().list().header().size() + 1);
		for (int i = 0; i < cells.length - 1; i++) {
			cells[i] = cells[i] == null ? "" : cells[i];
		}
		cells[cells.length - 1] = row.reason().name();
		return cells;
	}

	/**
	 * One of the two copies of the list, in the list's format; its committed length in
	 * the step's context.
	 */
	private final class ListFile {

		private final String lengthKey;

		private final PublishedFile file;

		private final List<String> header;

		private final CSVFormat csv;

		private final StringBuilder lines = new StringBuilder(1 << 16);

		private long committedLength;

		ListFile(String name, PublishedFile file, List<String> header) {
			this.lengthKey = "send-list." + name + ".length";
			this.file = file;
			this.header = header;
			this.csv = list.format().writeFormat();
		}

		void open(ExecutionContext context) {
			committedLength = context.getLong(lengthKey, 0L);
			file.open(committedLength, list.format().charset().charset());
			if (committedLength == 0) {
				String bom = list.format().charset().bomLength() > 0 ? "\uFEFF" : "";
				lines.append(bom);
				add(header.toArray(String[]::new));
				write();
				committedLength = file.flush();
			}
		}

		/**
		 * Drops what a chunk that did not commit wrote, so that a chunk written again is
		 * written once.
		 */
		void rollBack() {
			lines.setLength(0);
			file.truncate(committedLength);
		}

		// CSVFormat.format would make a printer on a StringWriter for every line
		void add(String[] cells) {
			for (int i = 0; i < cells.length; i++) {
				try {
					csv.print(SafeCsv.neutralise(cells[i]), lines, i == 0);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e); // a StringBuilder does not fail
				}
			}
			lines.append(list.format().recordSeparator());
		}

		void write() {
			try {
				file.writer().append(lines);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
			lines.setLength(0);
		}

		void update(ExecutionContext context) {
			committedLength = file.flush();
			context.putLong(lengthKey, committedLength);
			file.noteCommitted(context, committedLength);
		}

	}

}
