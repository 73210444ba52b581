package com.optoutbatch.orders;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import com.optoutbatch.support.ExportDates;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderLineParserTests {

	private static final OrderReportHeader HEADER = OrderReportHeader
		.of(List.of("order-id", "purchase-date", "buyer-email", "sales-channel", "last-updated-date", "buyer-name"));

	private final OrderLineParser parser = new OrderLineParser(null);

	@Test
	void lineBecomesANormalisedOrderLine() {
		OrderLine order = parser.process(line("112-3456789-0123456", "2026-11-02T14:18:23-08:00",
				"K8V2BQ9Z4MX7WHC+relay42@Marketplace.Amazon.com", "Amazon.com", "2026-11-03T00:00:00Z"));
		assertThat(order).isEqualTo(new OrderLine("112-3456789-0123456", "amazon.com",
				OffsetDateTime.parse("2026-11-02T14:18:23-08:00"), null, "k8v2bq9z4mx7whc@marketplace.amazon.com",
				"r.txt", OffsetDateTime.parse("2026-11-03T00:00:00Z")));
	}

	@Test
	void sharedBusinessAliasIsNeverABuyer() {
		OrderLine order = parser.process(line("114-1029384-7564738", "2026-11-04",
				"no-reply-amazon-iba-buyer@marketplace.amazon.de", "", "2026-11-04"));
		assertThat(order.buyerAlias()).isNull();
		assertThat(order.marketplace()).isEqualTo("amazon.de");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "Amazon.co.uk, x@marketplace.amazon.de, amazon.de, amazon.co.uk",
					"Non-Amazon, x@marketplace.amazon.de, null, amazon.de", "null, null, Amazon.fr, amazon.fr",
					"Non-Amazon, null, null, null", "null, x@example.com, null, null" })
	void marketplaceFromSalesChannelThenAliasThenParameter(String channel, String alias, String parameter,
			String expected) {
		OrderLine order = new OrderLineParser(parameter)
			.process(line("112-3456789-0123456", "2026-11-02", alias, channel, "2026-11-03"));
		assertThat(order.marketplace()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "2017-09-23T14:18:23-07:00|2017-09-23T14:18:23-07:00",
					"2017-09-23T14:18:23Z|2017-09-23T14:18:23Z", "2017-09-23T14:18:23+0900|2017-09-23T14:18:23+09:00",
					"2017-09-23 14:18:23|2017-09-23T14:18:23Z", "2017-09-23 14:18:23 PDT|2017-09-23T14:18:23-07:00",
					"23.09.2017 14:18:23|2017-09-23T14:18:23Z", "2017/09/23 14:18:23|2017-09-23T14:18:23Z",
					"09/23/2017|2017-09-23T00:00Z", "23/09/2017|2017-09-23T00:00Z", "2017-09-23|2017-09-23T00:00Z",
					"Sep 23, 2017 2:18:23 PM PDT|2017-09-23T14:18:23-07:00" })
	void datesAreReadIsoFirstThenLeniently(String text, String expected) {
		assertThat(ExportDates.parse(text)).isEqualTo(OffsetDateTime.parse(expected));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", delimiter = '|', value = { "112-55500012223335|2026-11-02|null|malformed order id",
			"112-3456789-0123456|gestern|null|unreadable purchase-date",
			"112-3456789-0123456|2026-11-31T10:00:00-08:00|null|unreadable purchase-date",
			"112-3456789-0123456|2026-11-02|not-an-address|malformed buyer-email", "null|2026-11-02|null|no order id" })
	void unusableLinesAreRejectedWithTheReason(String orderId, String date, String alias, String reason) {
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class,
				() -> parser.process(line(orderId, date, alias, null, "2026-11-03")));
		assertThat(rejected.reason()).isEqualTo(reason);
		assertThat(rejected.where()).isEqualTo("2");
	}

	@Test
	void newerLineWinsWhenLinesOfOneOrderMerge() {
		OrderLine older = new OrderLine("1", "amazon.de", OffsetDateTime.parse("2026-11-01T00:00Z"), "Pending", null,
				"a.txt", OffsetDateTime.parse("2026-11-02T00:00Z"));
		OrderLine newer = new OrderLine("1", null, null, "Shipped", "x@marketplace.amazon.de", "b.txt",
				OffsetDateTime.parse("2026-11-05T00:00Z"));
		OrderLine expected = new OrderLine("1", "amazon.de", OffsetDateTime.parse("2026-11-01T00:00Z"), "Shipped",
				"x@marketplace.amazon.de", "b.txt", OffsetDateTime.parse("2026-11-05T00:00Z"));
		assertThat(older.mergedWith(newer)).isEqualTo(expected);
		assertThat(newer.mergedWith(older)).isEqualTo(expected);
	}

	private static OrderReportLine line(String orderId, String date, String alias, String channel, String updated) {
		String[] cells = { orderId == null ? "" : orderId, date, alias == null ? "" : alias,
				channel == null ? "" : channel, updated, "Jane Doe" };
		return new OrderReportLine(Path.of("r.txt"), 2, HEADER, cells, '\t', orderId);
	}

}
