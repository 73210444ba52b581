package com.optoutbatch.orders;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.DelimitedFileReader;
import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads one order report, tab-, comma- or semicolon-separated, in whatever charset it was
 * exported in, by header name. A report it cannot use at all (not text, empty, no header,
 * no order-id column, a column named twice) is rejected whole; a line that cannot be
 * parsed is rejected and reading goes on at the next line. The orders whose lines name
 * different aliases are counted in the run file. A restart takes the committed lines
 * again as they were taken, so that what the reader knew of them (the order a
 * continuation line belongs to, the aliases each order was given) is known again.
 */
class OrderReportReader extends DelimitedFileReader<OrderReportLine> {

	private static final Logger log = LoggerFactory.getLogger(OrderReportReader.class);

	private OrderReportHeader header;

	private String lastOrderId;

	private final AliasConflicts aliasConflicts = new AliasConflicts();

	OrderReportReader(Path file, Charset charsetOverride) {
		super(file, () -> DelimitedFile.open(file, charsetOverride, OrderReportReader::format));
	}

	@Override
	protected void start() {
		header = OrderReportHeader.of(DelimitedFile.header(next(), OrderReportHeader::normalise));
		if (!header.hasOrderId()) {
			throw RejectedRecordException.wholeFile("no order-id column",
					"the header names none of amazon-order-id, order-id; the file is not an order report");
		}
		log.info("{}: {} report, {}-separated, {} ({})", file().getFileName(), header.shape(),
				DelimitedFile.nameOf(delimiter()), charset().charset().name(), charset().how());
	}

	@Override
	protected OrderReportLine item(NumberedRecord record) {
		String[] cells;
		try {
			cells = DelimitedFile.cellsOf(record, header.names().size(), delimiter());
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
		return new OrderReportLine(file(), record.line(), header, cells, delimiter(), orderId);
	}

	@Override
	public void update(ExecutionContext context) {
		super.update(context);
		if (aliasConflicts.orders() > 0) {
			context.put(RecordTally.KINDS_KEY,
					new LinkedHashMap<>(Map.of(AliasConflicts.KIND, aliasConflicts.orders())));
		}
	}

	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		// Amazon's tab-separated reports do not quote: a product name may hold a lone "
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

}
