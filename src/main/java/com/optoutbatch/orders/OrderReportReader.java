package com.optoutbatch.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one order report, tab-, comma- or semicolon-separated, in whatever charset it was
 * exported in, by header name. A report it cannot use at all (unreadable, or no order-id
 * column) is rejected whole through its first record; a restart skips the lines already
 * committed.
 */
class OrderReportReader implements ItemStreamReader<OrderReportLine> {

	private static final Logger log = LoggerFactory.getLogger(OrderReportReader.class);

	private static final String LINES_KEY = "orders.lines";

	private static final String LAST_ORDER_KEY = "orders.last-order-id";

	private final Path file;

	private final Charset charsetOverride;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private OrderReportHeader header;

	private char delimiter;

	private RejectedRecordException rejectedWhole;

	private long linesRead;

	private long lastLineNumber;

	private String lastOrderId;

	OrderReportReader(Path file, Charset charsetOverride) {
		this.file = file;
		this.charsetOverride = charsetOverride;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			TextCharset charset = TextCharset.of(file, charsetOverride);
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), charset.charset()), 1 << 16);
			reader.skip(charset.bomLength() > 0 ? 1 : 0);
			reader.mark(1 << 16);
			String firstLine = reader.readLine();
			reader.reset();
			if (firstLine == null) {
				reject(1, "empty file", "the file has no header line", "");
				return;
			}
			delimiter = delimiterOf(firstLine);
			parser = CSVParser.builder().setReader(reader).setFormat(format(delimiter)).get();
			records = parser.iterator();
			header = OrderReportHeader.of(records.next().toList());
			lastLineNumber = parser.getCurrentLineNumber();
			log.info("{}: {} report, {}-separated, {} ({})", file.getFileName(), header.shape(), name(delimiter),
					charset.charset().name(), charset.how());
			if (!header.hasOrderId()) {
				reject(1, "no order-id column",
						"the header names none of amazon-order-id, order-id; the file is not an order report",
						String.join(String.valueOf(delimiter), header.names()));
				return;
			}
			skipCommittedLines(context);
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			reject(0, "unreadable file", String.valueOf(e.getMessage()), "");
		}
	}

	private void skipCommittedLines(ExecutionContext context) {
		long committed = context.getLong(LINES_KEY, 0L);
		lastOrderId = context.getString(LAST_ORDER_KEY, null);
		while (linesRead < committed && records.hasNext()) {
			records.next();
			linesRead++;
		}
		lastLineNumber = parser.getCurrentLineNumber();
		if (committed > 0) {
			log.info("{}: resuming after line {}", file.getFileName(), lastLineNumber);
		}
	}

	@Override
	public OrderReportLine read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			records = null;
			throw whole;
		}
		if (records == null) {
			return null;
		}
		while (true) {
			CSVRecord record;
			try {
				if (!records.hasNext()) {
					return null;
				}
				record = records.next();
			}
			catch (UncheckedIOException | IllegalStateException e) {
				records = null;
				throw new RejectedRecordException(lastLineNumber + 1, "unreadable rest of file",
						"cannot parse from here on: " + e.getMessage(), "");
			}
			long line = lastLineNumber + 1;
			lastLineNumber = parser.getCurrentLineNumber();
			linesRead++;
			String[] cells = record.values();
			if (cells.length == 1 && cells[0].isBlank()) {
				continue;
			}
			return toLine(line, cells);
		}
	}

	private OrderReportLine toLine(long line, String[] cells) {
		if (cells.length > header.names().size()) {
			OrderReportLine shown = new OrderReportLine(file, line, header, cells, delimiter, null);
			throw new RejectedRecordException(line, "more cells than the header",
					cells.length + " cells, the header names " + header.names().size(), shown.maskedRecord());
		}
		String orderId = header.cell(cells, header.orderId());
		if (orderId == null) {
			orderId = lastOrderId;
		}
		else {
			lastOrderId = orderId;
		}
		return new OrderReportLine(file, line, header, cells, delimiter, orderId);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LINES_KEY, linesRead);
		if (lastOrderId != null) {
			context.putString(LAST_ORDER_KEY, lastOrderId);
		}
	}

	@Override
	public void close() {
		if (parser != null) {
			try {
				parser.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			parser = null;
		}
	}

	private void reject(long line, String reason, String detail, String record) {
		rejectedWhole = new RejectedRecordException(line, reason, detail, record);
		records = null;
	}

	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		// Amazon's tab-separated reports do not quote: a product name may hold a lone "
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

	static char delimiterOf(String headerLine) {
		char best = '\t';
		long bestCount = 0;
		for (char candidate : new char[] { '\t', ',', ';' }) {
			long count = headerLine.chars().filter(c -> c == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	private static String name(char delimiter) {
		return switch (delimiter) {
			case '\t' -> "tab";
			case ',' -> "comma";
			default -> "semicolon";
		};
	}

}
