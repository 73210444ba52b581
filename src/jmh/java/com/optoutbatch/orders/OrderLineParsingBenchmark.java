package com.optoutbatch.orders;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Report-line parsing: one line of an order report (with buyer-email, 30 columns) split by
 * Commons CSV as the reader does, and checked and normalised by {@link OrderLineParser}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderLineParsingBenchmark {

	private static final String HEADER = "order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\t"
			+ "buyer-phone-number\tsku\tproduct-name\tquantity-purchased\tcurrency\titem-price\titem-tax\tshipping-price\t"
			+ "shipping-tax\tship-service-level\trecipient-name\tship-address-1\tship-address-2\tship-address-3\tship-city\t"
			+ "ship-state\tship-postal-code\tship-country\tship-phone-number\tdelivery-start-date\tdelivery-end-date\t"
			+ "delivery-time-zone\tdelivery-Instructions\tsales-channel";

	private static final String LINE = "113-9876543-2109876\t61234987651234\t2026-11-03T09:02:11-08:00\t"
			+ "2026-11-03T09:05:40-08:00\tK8V2BQ9Z4MX7WHC+relay42@Marketplace.Amazon.com\tJohn Roe\t+1 312-555-0199\t"
			+ "TEA-GRN-50\tGreen Tea 50 bags\t1\tUSD\t9.49\t0.00\t3.99\t0.00\tExpedited\tJohn Roe\t77 Lake Shore Dr\t\t\t"
			+ "Chicago\tIL\t60611\tUS\t+1 312-555-0199\t\t\t\t\tAmazon.com";

	private static final CSVFormat TSV = CSVFormat.RFC4180.builder().setDelimiter('\t').setQuote(null).get();

	private final OrderReportHeader header = OrderReportHeader.of(List.of(HEADER.split("\t", -1)));

	private final OrderLineParser parser = new OrderLineParser(null);

	// a report without last-updated-date is dated by its file
	private final Path file = Path.of("input/orders/order-report-us-2026-11.txt");

	@Benchmark
	public void splitLine(Blackhole blackhole) throws IOException {
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(LINE)).setFormat(TSV).get()) {
			blackhole.consume(parser.iterator().next().values());
		}
	}

	@Benchmark
	public void parseOrderLine(Blackhole blackhole) {
		String[] cells = LINE.split("\t", -1);
		blackhole.consume(parser.process(new OrderReportLine(file, 2, header, cells, '\t', cells[0])));
	}

}
