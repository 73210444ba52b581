package com.optoutbatch.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one order report, tab-, comma- or semicolon-separated, in whatever charset it was
 * exported in, by header name. A report it cannot use at all (not text, empty, no header,
 * no order-id column, a column named twice) is rejected whole; a line that cannot be
 * parsed is rejected and reading goes on at the next line. The orders whose lines name
 * different aliases are counted in the run file. A restart skips the lines already
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

	private final AliasConflicts aliasConflicts = new AliasConflicts();

	OrderReportReader(Path file, Charset charsetOverride) {
		this.file = file;
		this.charsetOverride = charsetOverride;
	}

	@Override
	public void open(ExecutionContext context) {
		if (RejectFile.rejectedWhole(context)) {
			return;
		}
		try {
			report = DelimitedFile.open(file, charsetOverride, OrderReportReader::format);
			if (report == null) {
				throw RejectedRecordException.wholeFile("empty file", "the file has no header line");
			}
			header = header(report.next());
			TextCharset charset = report.charset();
			log.info("{}: {} report, {}-separated, {} ({})", file.getFileName(), header.shape(),
					DelimitedFile.nameOf(report.delimiter()), charset.charset().name(), charset.how());
			skipCommittedLines(context);
		}
		catch (RejectedRecordException e) {
			rejectWhole(e);
		}
		catch (IOException | UncheckedIOException e) {
			rejectWhole(RejectedRecordException.wholeFile("unreadable file", String.valueOf(e.getMessage())));
		}
	}

	private OrderReportHeader header(NumberedRecord first) {
		OrderReportHeader header = OrderReportHeader.of(DelimitedFile.header(first, OrderReportHeader::normalise));
		if (!header.hasOrderId()) {
			throw RejectedRecordException.wholeFile("no order-id column",
					"the header names none of amazon-order-id, order-id; the file is not an order report");
		}
		return header;
	}

	// the committed lines are taken again as they were taken, so that what the reader
	// knew of them
	// (the order a continuation line belongs to, the aliases each order was given) is
	// known again
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
		return record.isBlank() ? null : toLine(record);
	}

	private OrderReportLine toLine(NumberedRecord record) {
		String[] cells;
		try {
			cells = DelimitedFile.cellsOf(record, header.names().size(), report.delimiter());
		}
		catch (RejectedRecordException rejected) {
			// which order a continuation line after a rejected line belongs to is not
			// known
			lastOrderId = null;
			throw rejected;
		}
		String orderId = header.cell(cells, header.orderId());
		if (orderId == null) {
			orderId = lastOrderId;
		}
		else {
			lastOrderId = orderId;
		}
		aliasConflicts.note(orderId, header.cell(cells, header.buyerEmail()));
		return new OrderReportLine(file, record.line(), header, cells, report.delimiter(), orderId);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LINES_KEY, linesRead);
		if (aliasConflicts.orders() > 0) {
			context.put(RecordTally.KINDS_KEY,
					new LinkedHashMap<>(Map.of(AliasConflicts.KIND, aliasConflicts.orders())));
		}
	}

	@Override
	public void close() {
		if (report != null) {
			report.close();
			report = null;
		}
	}

	private void rejectWhole(RejectedRecordException reject) {
		rejectedWhole = reject;
		close();
	}

	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		// Amazon's tab-separated reports do not quote: a product name may hold a lone "
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

}
