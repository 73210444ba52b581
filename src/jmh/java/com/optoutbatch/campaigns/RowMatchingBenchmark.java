package com.optoutbatch.campaigns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.campaigns.CampaignProfile.UnsubscribeLayout;
import com.optoutbatch.support.TextCharset;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Row matching: a campaign row checked and decided against a suppression index the size of
 * a large seller's (10,000 opted-out orders and buyers, 30,000 orders of opted-out buyers,
 * 100,000 orders already asked for a review), for rows that are held back and rows that are clean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowMatchingBenchmark {

	private static final CampaignProfile GENERIC = new CampaignProfile("generic", "generic", Map.of(), Map.of(), null,
			new UnsubscribeLayout("order_id", "buyer_alias", ','));

	private static final CampaignList LIST = new CampaignList(Path.of("generic/review-requests.csv"),
			"generic.review-requests", GENERIC,
			new CampaignListFormat(new TextCharset(StandardCharsets.UTF_8, 0, "benchmark"), ',', false, "\n"),
			List.of("order_id", "buyer_alias", "campaign", "planned_send_date", "delivery_date", "purpose"),
			Map.of(CampaignField.ORDER_ID, 0), null);

	private CampaignRowDecider decider;

	private CampaignRow[] rows;

	private int next;

	@Setup
	public void index() {
		Set<String> optedOutOrders = new HashSet<>();
		Set<String> optedOutBuyers = new HashSet<>();
		Set<String> ordersOfOptedOutBuyers = new HashSet<>();
		Set<String> reviewedOrders = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			optedOutOrders.add(orderId(i));
			optedOutBuyers.add(alias(i));
		}
		for (int i = 0; i < 30_000; i++) {
			ordersOfOptedOutBuyers.add(orderId(1_000_000 + i));
		}
		for (int i = 0; i < 100_000; i++) {
			reviewedOrders.add(orderId(2_000_000 + i));
		}
		decider = new CampaignRowDecider(
				new SuppressionIndex(optedOutOrders, optedOutBuyers, ordersOfOptedOutBuyers, reviewedOrders,
						new KeptReviewRequests()));
		rows = new CampaignRow[] { row(1, orderId(5), ""), row(2, orderId(3_000_000), alias(7)),
				row(3, orderId(1_000_005), ""), row(4, orderId(2_000_005), ""),
				row(5, orderId(3_000_001), alias(50_000).toUpperCase()), row(6, orderId(3_000_002), "") };
	}

	@Benchmark
	public void decideRow(Blackhole blackhole) {
		blackhole.consume(decider.process(rows[next++ % rows.length]));
	}

	private static CampaignRow row(long line, String orderId, String alias) {
		String[] cells = { orderId, alias, "Review Nov", "2026-11-28", "2026-11-15", "review_request" };
		return new CampaignRow(LIST, line, cells, orderId, alias.isEmpty() ? null : alias, "Review Nov", "2026-11-28",
				"2026-11-15", "review_request");
	}

	private static String orderId(int n) {
		return String.format("%03d-%07d-%07d", 111 + n % 4, n, (n * 7_919L) % 10_000_000L);
	}

	private static String alias(int n) {
		return Integer.toString(n, 36) + "q7m2kd9fz4tbn@marketplace.amazon.com";
	}

}
