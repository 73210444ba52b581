package com.optoutbatch.campaigns;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RecordTally.RecordCounts;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.BatchStatus;
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

	private final DecisionFile decision;

	private final String listSha256;

	private Map<String, Long> heldBack = new LinkedHashMap<>();

	/**
	 * @param listSha256 the list's content as the run pinned it, for its decision file;
	 * {@code null} outside a pinned run, whose decision file is never read
	 */
	SendListWriter(CampaignList list, Workspace workspace, LocalDate runDate, JdbcTemplate jdbc, String listSha256) {
		this.list = list;
		this.runDate = runDate;
		this.jdbc = jdbc;
		this.listSha256 = listSha256;
		this.clean = list.usable() ? new ListFile("clean",
				PublishedFile.of(workspace, sendList(workspace, list.file(), "clean")), list.header()) : null;
		List<String> header = new ArrayList<>(list.header());
		header.add(REASON_COLUMN);
		this.suppressed = list.usable() ? new ListFile("suppressed",
				PublishedFile.of(workspace, sendList(workspace, list.file(), "suppressed")), header) : null;
		this.decision = list.usable()
				? new DecisionFile(PublishedFile.of(workspace, ListDecision.of(workspace, list.file()))) : null;
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
		decision.rollBack();
		List<DecidedRow> remembered = new ArrayList<>();
		for (DecidedRow row : rows) {
			int cellBytes;
			if (row.held()) {
				heldBack.merge(row.reason().name(), 1L, Long::sum);
				cellBytes = suppressed.add(row.row().cells(), row.reason());
			}
			else {
				cellBytes = clean.add(row.row().cells(), null);
			}
			decision.add(ListDecision.Row.of(row.checked(), row.verdict(), cellBytes));
			if (row.verdict().remembered() != null) {
				remembered.add(row);
			}
		}
		clean.write();
		suppressed.write();
		remember(jdbc, runDate, list, remembered);
	}

	/**
	 * Remembers the rows held back for an opt-out and the critical rows to opted-out
	 * buyers, for the unsubscribe files and the report.
	 */
	static void remember(JdbcTemplate jdbc, LocalDate runDate, CampaignList list, List<DecidedRow> rows) {
		jdbc.batchUpdate(REMEMBER, rows, rows.size(), (statement, row) -> {
			statement.setObject(1, runDate);
			statement.setString(2, list.name());
			statement.setLong(3, row.checked().line());
			statement.setString(4, list.tool());
			statement.setString(5, row.checked().orderId());
			statement.setString(6, row.checked().buyerAlias());
			statement.setString(7, row.verdict().remembered());
			statement.setBoolean(8, row.held());
		});
	}

	@Override
	public void open(ExecutionContext context) {
		heldBack = new LinkedHashMap<>(RecordTally.filterReasons(context));
		if (clean != null) {
			clean.open(context);
			suppressed.open(context);
			decision.open(context);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.put(RecordTally.FILTER_REASONS_KEY, new LinkedHashMap<>(heldBack));
		if (clean != null) {
			clean.update(context);
			suppressed.update(context);
			decision.update(context);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (clean == null) {
			return null;
		}
		if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
			try {
				decision.finish(stepExecution.getExecutionContext());
			}
			catch (RuntimeException e) {
				decision.file.close();
				stepExecution.setStatus(BatchStatus.FAILED);
				stepExecution.addFailureException(e);
				return ExitStatus.FAILED.addExitDescription(e);
			}
		}
		// the decision file first: it names the copies (ListDecision.inPlace)
		ExitStatus status = decision.file.afterStep(stepExecution);
		ExitStatus cleanStatus = clean.file.afterStep(stepExecution);
		ExitStatus suppressedStatus = suppressed.file.afterStep(stepExecution);
		return status != null ? status : cleanStatus != null ? cleanStatus : suppressedStatus;
	}

	@Override
	public void close() {
		if (clean != null) {
			clean.file.close();
			suppressed.file.close();
			decision.file.close();
		}
	}

	/**
	 * What follows a row's cells in a copy of the list: the reason it was held back, if
	 * it was, and the line end.
	 */
	static String suffix(CSVFormat csv, CampaignListFormat format, SuppressionReason reason) {
		StringBuilder suffix = new StringBuilder();
		if (reason != null) {
			print(csv, reason.name(), suffix, false);
		}
		return suffix.append(format.recordSeparator()).toString();
	}

	// CSVFormat.format would make a printer on a StringWriter for every line
	private static void print(CSVFormat csv, String cell, StringBuilder line, boolean first) {
		try {
			csv.print(SafeCsv.neutralise(cell), line, first);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // a StringBuilder does not fail
		}
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

		private long headerLength;

		ListFile(String name, PublishedFile file, List<String> header) {
			this.lengthKey = "send-list." + name + ".length";
			this.file = file;
			this.header = header;
			this.csv = list.format().writeFormat();
		}

		void open(ExecutionContext context) {
			committedLength = context.getLong(lengthKey, 0L);
			headerLength = context.getLong(lengthKey + ".header", 0L);
			file.open(committedLength, list.format().charset().charset());
			if (committedLength == 0) {
				String bom = list.format().charset().bomLength() > 0 ? "\uFEFF" : "";
				lines.append(bom);
				add(header.toArray(String[]::new), null);
				write();
				committedLength = file.flush();
				headerLength = committedLength;
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

		/**
		 * Adds a line: the cells, the reason the row was held back if it was, the line
		 * end.
		 * @return the bytes the cells take in the list's charset
		 */
		int add(String[] cells, SuppressionReason reason) {
			int start = lines.length();
			for (int i = 0; i < cells.length; i++) {
				print(csv, cells[i], lines, i == 0);
			}
			int cellBytes = encodedLength(lines, start, lines.length());
			lines.append(suffix(csv, list.format(), reason));
			return cellBytes;
		}

		private int encodedLength(CharSequence text, int start, int end) {
			for (int i = start; i < end; i++) {
				if (text.charAt(i) >= 0x80) {
					return list.format().charset().charset().encode(CharBuffer.wrap(text, start, end)).remaining();
				}
			}
			return end - start;
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
			context.putLong(lengthKey + ".header", headerLength);
			file.noteCommitted(context, committedLength);
		}

		ListDecision.Copy copy() {
			try {
				return new ListDecision.Copy(file.flush(), ListDecision.crc(file.partial()), headerLength);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + file.partial() + ": " + e.getMessage(), e);
			}
		}

	}

	/** The decision file of the list, its rows written with the copies' lines. */
	private final class DecisionFile {

		private static final String LENGTH_KEY = "send-list.decided.length";

		private final PublishedFile file;

		private DataOutputStream rows;

		private long committedLength;

		DecisionFile(PublishedFile file) {
			this.file = file;
		}

		void open(ExecutionContext context) {
			committedLength = context.getLong(LENGTH_KEY, 0L);
			file.open(committedLength, StandardCharsets.ISO_8859_1);
			rows = new DataOutputStream(new BufferedOutputStream(file.stream(), 1 << 16));
		}

		void add(ListDecision.Row row) {
			try {
				ListDecision.write(rows, row);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
		}

		void rollBack() {
			flushRows();
			file.truncate(committedLength);
		}

		void update(ExecutionContext context) {
			flushRows();
			committedLength = file.flush();
			context.putLong(LENGTH_KEY, committedLength);
			file.noteCommitted(context, committedLength);
		}

		/** Ends the file with its trailer, once the list is decided. */
		void finish(ExecutionContext context) {
			RecordCounts counts = RecordTally.read(context);
			try {
				ListDecision.finish(rows, committedLength,
						new ListDecision.Trailer(listSha256, ListDecision.shapeOf(list),
								counts.used() + counts.filtered(), counts.read(), counts.rejected(),
								RejectFile.reasons(context), clean.copy(), suppressed.copy()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
			flushRows();
		}

		private void flushRows() {
			try {
				rows.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
		}

	}

}
