package com.optoutbatch.optouts;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.optoutbatch.support.RejectedRecordException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptOutListParserTests {

	final OptOutListParser parser = new OptOutListParser();

	@Test
	void orderIdAliasDateAndMarketplaceAreFoundInAnyColumn() {
		OptOut optOut = parser
			.process(line(2, "2026-10-01", "Amazon.de", "ABC+tool@Marketplace.Amazon.de", "302-1234567-7654321"));

		assertThat(optOut).isEqualTo(new OptOut("amazon.de", "302-1234567-7654321", "abc@marketplace.amazon.de",
				java.time.OffsetDateTime.parse("2026-10-01T00:00Z"), OptOutSource.IMPORT, "list.csv line 2"));
	}

	@Test
	void aPlainListGivesOptOutsByOrderOrByBuyer() {
		assertThat(parser.process(line(1, "114-1029384-7564738")).orderId()).isEqualTo("114-1029384-7564738");
		OptOut byBuyer = parser.process(line(2, "zq8wx7vc6bn5ma4@marketplace.amazon.co.uk"));
		assertThat(byBuyer.orderId()).isNull();
		assertThat(byBuyer.key()).isEqualTo("zq8wx7vc6bn5ma4@marketplace.amazon.co.uk");
		assertThat(byBuyer.marketplace()).isEqualTo("amazon.co.uk");
	}

	@Test
	void headerAndCommentLinesAreFiltered() {
		assertThat(parser.process(line(1, "order-id", "buyer-email"))).isNull();
		assertThat(parser.process(line(5, "# noted by hand"))).isNull();
	}

	@Test
	void lineNamingNoOrderOrBuyerIsRejectedWithoutPersonalData() {
		assertThatThrownBy(() -> parser.process(line(4, "n/a", "unknown"))).isInstanceOfSatisfying(
				RejectedRecordException.class,
				rejected -> assertThat(rejected.reason()).isEqualTo("no order id or alias"));
		assertThatThrownBy(() -> parser.process(line(6, "jane doe@example")))
			.isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
				assertThat(rejected.reason()).isEqualTo("malformed alias");
				assertThat(rejected.record()).doesNotContain("jane");
			});
		assertThatThrownBy(() -> parser.process(line(7, "no-reply-amazon-iba-buyer@marketplace.amazon.de")))
			.isInstanceOfSatisfying(RejectedRecordException.class,
					rejected -> assertThat(rejected.reason()).isEqualTo("shared business alias"));
	}

	private static OptOutListLine line(long line, String... cells) {
		return new OptOutListLine("list.csv", line, List.of(cells));
	}

}
