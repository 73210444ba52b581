package com.optoutbatch.campaigns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.campaigns.CampaignProfile.UnsubscribeLayout;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CampaignRowDeciderTests {

	static final String OPTED_OUT_ORDER = "112-3456789-0123456";

	static final String ORDER_OF_OPTED_OUT_BUYER = "112-3456789-9999999";

	static final String OPTED_OUT_ALIAS = "3xq7m2kd9fz4tbn@marketplace.amazon.com";

	static final String REVIEWED_ORDER = "113-0000000-1111111";

	static final String PLAIN_ORDER = "171-2223334-5556667";

	static final String ORDER_ASKED_TWICE = "114-7654321-7654321";

	static final CampaignProfile GENERIC = new CampaignProfile("generic", "generic", Map.of(), Map.of(), null,
			new UnsubscribeLayout("order_id", "buyer_alias", ','));

	static final CampaignList LIST = new CampaignList(Path.of("generic/nov.csv"), "generic.nov", GENERIC,
			new CampaignListFormat(new TextCharset(java.nio.charset.StandardCharsets.UTF_8, 0, "test"), ',', false,
					"\n"),
			List.of("order_id", "buyer_alias", "campaign", "planned_send_date", "delivery_date", "purpose"),
			Map.of(CampaignField.ORDER_ID, 0), null);

	final CampaignRowDecider decider = new CampaignRowDecider(new SuppressionIndex(Set.of(OPTED_OUT_ORDER),
			Set.of(OPTED_OUT_ALIAS), Set.of(ORDER_OF_OPTED_OUT_BUYER), Set.of(REVIEWED_ORDER), reviewRequests()));

	static KeptReviewRequests reviewRequests() {
		KeptReviewRequests requests = new KeptReviewRequests();
		requests.note(new ReviewRequest("generic.nov", 7, ORDER_ASKED_TWICE, LocalDate.parse("2026-11-28")));
		requests.note(new ReviewRequest("bqool.eu", 12, ORDER_ASKED_TWICE, LocalDate.parse("2026-11-27")));
		return requests;
	}

	@Test
	void rowOfOptedOutOrderIsHeldBackWithReason() {
		assertThat(decide(OPTED_OUT_ORDER, null, "review_request").reason())
			.isEqualTo(SuppressionReason.OPTED_OUT_ORDER);
	}

	@Test
	void rowOfOptedOutBuyerIsHeldBackByAliasOrThroughTheAliasOfItsOrder() {
		assertThat(decide(PLAIN_ORDER, "3XQ7M2KD9FZ4TBN+relay@marketplace.amazon.com", "marketing").reason())
			.isEqualTo(SuppressionReason.OPTED_OUT_BUYER);
		assertThat(decide(ORDER_OF_OPTED_OUT_BUYER, null, "customer_service").reason())
			.isEqualTo(SuppressionReason.OPTED_OUT_BUYER);
		assertThat(decide(null, OPTED_OUT_ALIAS, null).reason()).isEqualTo(SuppressionReason.OPTED_OUT_BUYER);
	}

	@Test
	void optedOutOrderComesBeforeEveryOtherReason() {
		DecidedRow row = decide(OPTED_OUT_ORDER, OPTED_OUT_ALIAS, "review_request");
		assertThat(row.reason()).isEqualTo(SuppressionReason.OPTED_OUT_ORDER);
	}

	@Test
	void reviewRequestForAnOrderAlreadyAskedIsHeldBack() {
		assertThat(decide(REVIEWED_ORDER, null, "review_request").reason())
			.isEqualTo(SuppressionReason.REVIEW_ALREADY_REQUESTED);
		assertThat(decide(REVIEWED_ORDER, null, "customer_service").held()).isFalse();
	}

	@Test
	void reviewRequestThatAnotherListAsksEarlierIsADuplicate() {
		CampaignRow row = row(7, ORDER_ASKED_TWICE, null, "2026-11-28", null, "review_request");
		assertThat(decider.process(row).reason()).isEqualTo(SuppressionReason.DUPLICATE_REVIEW_REQUEST);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "2026-11-24, 2026-11-20, OUTSIDE_REVIEW_WINDOW", "2026-11-25, 2026-11-20, null",
					"2026-12-20, 2026-11-20, null", "2026-12-21, 2026-11-20, OUTSIDE_REVIEW_WINDOW",
					"2026-11-21, null, null" })
	void reviewRequestsOnlyFiveToThirtyDaysAfterDelivery(String planned, String delivered, SuppressionReason reason) {
		CampaignRow row = row(3, PLAIN_ORDER, null, planned, delivered, "review_request");
		assertThat(decider.process(row).reason()).isEqualTo(reason);
	}

	@Test
	void criticalCampaignKeepsItsRowsForOptedOutBuyersFlagged() {
		DecidedRow row = decide(OPTED_OUT_ORDER, null, "critical");
		assertThat(row.held()).isFalse();
		assertThat(row.verdict().criticalToOptedOutBuyer()).isTrue();
		assertThat(row.verdict().remembered()).isEqualTo(Verdict.CRITICAL_TO_OPTED_OUT_NAME);
		assertThat(decide(PLAIN_ORDER, null, "critical").verdict().remembered()).isNull();
	}

	@Test
	void plainRowIsClean() {
		DecidedRow row = decide(PLAIN_ORDER, "K8V2BQ9Z4MX7WHC@marketplace.amazon.com", "review_request");
		assertThat(row.held()).isFalse();
		assertThat(row.checked().buyerAlias()).isEqualTo("k8v2bq9z4mx7whc@marketplace.amazon.com");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", delimiter = '|', value = { "not-an-order|null|2026-11-28|malformed order id",
			"null|no-at-sign|2026-11-28|malformed buyer alias", "null|null|2026-11-28|no order id or buyer alias",
			"171-2223334-5556667|null|soon|unreadable planned send date" })
	void unusableRowsAreRejectedWithTheReason(String orderId, String alias, String planned, String reason) {
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class,
				() -> decider.process(row(4, orderId, alias, planned, null, "review_request")));
		assertThat(rejected.reason()).isEqualTo(reason);
		assertThat(rejected.where()).isEqualTo("4");
	}

	private DecidedRow decide(String orderId, String alias, String purpose) {
		return decider.process(row(2, orderId, alias, null, null, purpose));
	}

	private static CampaignRow row(long line, String orderId, String alias, String planned, String delivered,
			String purpose) {
		String[] cells = { orderId == null ? "" : orderId, alias == null ? "" : alias, "c",
				planned == null ? "" : planned, delivered == null ? "" : delivered, purpose == null ? "" : purpose };
		return new CampaignRow(LIST, line, cells, orderId, alias, "c", planned, delivered, purpose);
	}

}
