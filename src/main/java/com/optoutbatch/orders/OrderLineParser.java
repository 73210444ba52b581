package com.optoutbatch.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.support.ExportDates;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks and normalises one report line: a well-formed order id, a readable date, a
 * normalised alias, the marketplace from the sales channel, the alias or the job
 * parameter, in that order. A line that cannot be used is rejected with the reason.
 */
class OrderLineParser implements ItemProcessor<OrderReportLine, OrderLine> {

	private static final String UNSHIPPED = "Unshipped";

	private final String defaultMarketplace;

	private final Map<Path, OffsetDateTime> fileDates = new HashMap<>();

	OrderLineParser(String defaultMarketplace) {
		this.defaultMarketplace = Marketplace.ofParameter(defaultMarketplace);
	}

	@Override
	public OrderLine process(OrderReportLine line) {
		String orderId = line.orderId();
		if (orderId == null) {
			throw reject(line, "no order id", "neither this line nor a line before it names an order");
		}
		if (!OrderIds.isOrderId(orderId)) {
			throw reject(line, "malformed order id", "'" + orderId + "' is not of the form 123-1234567-1234567");
		}
		String alias;
		try {
			alias = BuyerAlias.normalise(line.buyerEmail());
		}
		catch (IllegalArgumentException e) {
			throw reject(line, "malformed buyer-email", "the buyer-email cell is not an e-mail address");
		}
		String marketplace = Marketplace.ofSalesChannel(line.salesChannel());
		if (marketplace == null) {
			marketplace = line.buyerEmail() == null ? null : Marketplace.ofAlias(line.buyerEmail());
		}
		if (marketplace == null) {
			marketplace = defaultMarketplace;
		}
		String status = line.orderStatus();
		if (status == null && line.header().shape() == OrderReportHeader.Shape.UNSHIPPED) {
			status = UNSHIPPED;
		}
		return new OrderLine(orderId, marketplace, date(line, "purchase-date", line.purchaseDate()), status, alias,
				line.file().getFileName().toString(), reportedAt(line));
	}

	private OffsetDateTime reportedAt(OrderReportLine line) {
		OffsetDateTime lastUpdated = date(line, "last-updated-date", line.lastUpdated());
		return lastUpdated != null ? lastUpdated : fileDates.computeIfAbsent(line.file(), OrderLineParser::modified);
	}

	private static OffsetDateTime date(OrderReportLine line, String column, String value) {
		if (value == null) {
			return null;
		}
		try {
			return ExportDates.parse(value);
		}
		catch (DateTimeParseException e) {
			throw reject(line, "unreadable " + column, "'" + value + "' is not a date");
		}
	}

	private static OffsetDateTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static RejectedRecordException reject(OrderReportLine line, String reason, String detail) {
		return new RejectedRecordException(line.line(), reason, detail, line.maskedRecord());
	}

}
