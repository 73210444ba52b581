package com.optoutbatch.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one order report, tab-, comma- or semicolon-separated, in whatever charset it was
 * exported in, by header name. A report it cannot use at all (unreadable, or no order-id
 * column) is rejected whole through its first record; a line that cannot be parsed is
 * rejected and reading goes on at the next line. A restart skips the lines already
 * committed.
 */
class OrderReportReader implements ItemStreamReader<OrderReportLine> {

	private static final Logger log = LoggerFactory.getLogger(OrderReportReader.class);

	private static final String LINES_KEY = "orders.lines";

	private final Path file;

	private final Charset charsetOverride;

	private DelimitedFile report;

	private OrderReportHeader header;

	private RejectedRecordException rejectedWhole;

	private long linesRead;

	private String lastOrderId;

	OrderReportReader(Path file, Charset charsetOverride) {
		this.file = file;
		this.charsetOverride = charsetOverride;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			report = DelimitedFile.open(file, charsetOverride, OrderReportReader::format);
			if (report == null) {
				reject(1, "empty file", "the file has no header line", "");
				return;
			}
			header = OrderReportHeader.of(List.of(cellsOf(report.next())));
			TextCharset charset = report.charset();
			log.info("{}: {} report, {}-separated, {} ({})", file.getFileName(), header.shape(),
					DelimitedFile.nameOf(report.delimiter()), charset.charset().name(), charset.how());
			if (!header.hasOrderId()) {
				reject(1, "no order-id column",
						"the header names none of amazon-order-id, order-id; the file is not an order report",
						String.join(String.valueOf(report.delimiter()), header.names()));
				return;
			}
			skipCommittedLines(context);
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			reject(0, "unreadable file", String.valueOf(e.getMessage()), "");
		}
	}

	// the committed lines are taken again as they were taken, so that what the reader knew of them
	// (the order a continuation line belongs to) is known again
	private void skipCommittedLines(ExecutionContext context) {
		long committed = context.getLong(LINES_KEY, 0L);
		long lastLine = 1;
		while (linesRead < committed) {
			NumberedRecord record = report.next();
			if (record == null) {
				break;
			}
			lastLine = record.line();
			try {
				take(record);
			}
			catch (RejectedRecordException e) {
				// rejected, and counted, before the restart
			}
		}
		if (committed > 0) {
			log.info("{}: resuming after line {}", file.getFileName(), lastLine);
		}
	}

	@Override
	public OrderReportLine read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			report = null;
			throw whole;
		}
		if (report == null) {
			return null;
		}
		while (true) {
			NumberedRecord record = report.next();
			if (record == null) {
				return null;
			}
			OrderReportLine line = take(record);
			if (line != null) {
				return line;
			}
		}
	}

	// the record as a report line; null for a blank line
	private OrderReportLine take(NumberedRecord record) {
		linesRead++;
		if (record.unreadable() != null) {
			// which order a continuation line after it belongs to is not known
			lastOrderId = null;
			throw record.unreadable().reject(record.line(), report.delimiter());
		}
		return record.isBlank() ? null : toLine(record.line(), record.cells());
	}

	private OrderReportLine toLine(long line, String[] cells) {
		char delimiter = report.delimiter();
		if (cells.length > header.names().size()) {
			lastOrderId = null;
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
	}

	@Override
	public void close() {
		if (report != null) {
			report.close();
			report = null;
		}
	}

	private void reject(long line, String reason, String detail, String record) {
		rejectedWhole = new RejectedRecordException(line, reason, detail, record);
		close();
	}

	// a record that cannot be parsed while the report is opened makes the whole file unreadable
	private static String[] cellsOf(NumberedRecord record) {
		if (record == null) {
			throw new IllegalStateException("no header record");
		}
		if (record.unreadable() != null) {
			throw new IllegalStateException(record.unreadable().detail());
		}
		return record.cells();
	}

	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		// Amazon's tab-separated reports do not quote: a product name may hold a lone "
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

}
