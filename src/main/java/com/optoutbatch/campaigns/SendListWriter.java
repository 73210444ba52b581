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
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.SafeCsv;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a list's verdicts: clean rows to {@code <list>.clean.csv}, held-back rows with their
 * reason to {@code <list>.suppressed.csv}, both in the input's columns, delimiter, quoting,
 * line ends and charset; and remembers held-back and flagged rows for the unsubscribe files
 * and the report. The files are Batch's transactional flat-file writers: a restart cuts off
 * what an uncommitted chunk wrote.
 */
class SendListWriter implements ItemStreamWriter<DecidedRow> {

	static final String REASON_COLUMN = "reason";

	private static final String REMEMBER = """
			INSERT INTO campaign_held_rows (run_date, list_name, line, tool, order_id, buyer_alias, reason, held)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	private final CampaignList list;

	private final LocalDate runDate;

	private final JdbcTemplate jdbc;

	private final FlatFileItemWriter<DecidedRow> clean;

	private final FlatFileItemWriter<DecidedRow> suppressed;

	private Map<String, Long> heldBack = new LinkedHashMap<>();

	SendListWriter(CampaignList list, Path sendLists, LocalDate runDate, JdbcTemplate jdbc) {
		this.list = list;
		this.runDate = runDate;
		this.jdbc = jdbc;
		this.clean = list.usable() ? fileWriter("cleanList", sendLists.resolve(list.name() + ".clean.csv"),
				row -> row.row().cells(), list.header()) : null;
		List<String> header = new ArrayList<>(list.header());
		header.add(REASON_COLUMN);
		this.suppressed = list.usable() ? fileWriter("suppressedList", sendLists.resolve(list.name() + ".suppressed.csv"),
				SendListWriter::withReason, header) : null;
	}

	@Override
	public void write(Chunk<? extends DecidedRow> rows) throws Exception {
		Chunk<DecidedRow> cleanRows = new Chunk<>();
		Chunk<DecidedRow> heldRows = new Chunk<>();
		List<DecidedRow> remembered = new ArrayList<>();
		for (DecidedRow row : rows) {
			(row.held() ? heldRows : cleanRows).add(row);
			if (row.held()) {
				heldBack.merge(row.reason().name(), 1L, Long::sum);
			}
			if (row.remembered() != null) {
				remembered.add(row);
			}
		}
		clean.write(cleanRows);
		suppressed.write(heldRows);
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
	public void close() {
		if (clean != null) {
			clean.close();
			suppressed.close();
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

	private FlatFileItemWriter<DecidedRow> fileWriter(String name, Path file, Function<DecidedRow, String[]> cells,
			List<String> header) {
		CampaignListFormat format = list.format();
		CSVFormat csv = format.writeFormat();
		String bom = format.charset().bomLength() > 0 ? "\uFEFF" : "";
		return new FlatFileItemWriterBuilder<DecidedRow>().name(name)
			.resource(new FileSystemResource(file))
			.encoding(format.charset().charset().name())
			.lineSeparator(format.recordSeparator())
			.headerCallback(writer -> writer.write(bom + line(csv, header.toArray(String[]::new))))
			.lineAggregator(row -> line(csv, cells.apply(row)))
			.transactional(true)
			.build();
	}

	// CSVFormat.format would make a printer on a StringWriter for every line
	private static String line(CSVFormat format, String[] cells) {
		StringBuilder line = new StringBuilder(128);
		for (int i = 0; i < cells.length; i++) {
			try {
				format.print(SafeCsv.neutralise(cells[i]), line, i == 0);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e); // a StringBuilder does not fail
			}
		}
		return line.toString();
	}

}
