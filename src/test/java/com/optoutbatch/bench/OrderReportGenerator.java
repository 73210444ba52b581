package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.bench.SyntheticSeller.Report;
import com.optoutbatch.bench.SyntheticSeller.Site;

/**
 * Writes {@code input/orders/}: the three shapes of Amazon's order reports in the
 * layouts, charsets and line endings of the sample workspace, a few percent of broken
 * lines, and one file that is not an order report at all.
 */
final class OrderReportGenerator {

	/**
	 * The share of lines that are broken: a malformed order id, a date or an e-mail no
	 * one can read.
	 */
	static final double BROKEN_LINES = 0.02;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Charset CP932 = Charset.forName("windows-31j");

	private static final String[] ORDER_REPORT_HEADER = { "order-id", "order-item-id", "purchase-date", "payments-date",
			"buyer-email", "buyer-name", "buyer-phone-number", "sku", "product-name", "quantity-purchased", "currency",
			"item-price", "item-tax", "shipping-price", "shipping-tax", "ship-service-level", "recipient-name",
			"ship-address-1", "ship-address-2", "ship-address-3", "ship-city", "ship-state", "ship-postal-code",
			"ship-country", "ship-phone-number", "delivery-start-date", "delivery-end-date", "delivery-time-zone",
			"delivery-Instructions", "sales-channel" };

	private static final String[] ALL_ORDERS_HEADER = { "amazon-order-id", "merchant-order-id", "purchase-date",
			"last-updated-date", "order-status", "fulfillment-channel", "sales-channel", "order-channel", "url",
			"ship-service-level", "product-name", "sku", "asin", "item-status", "quantity-purchased", "currency",
			"item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax",
			"item-promotion-discount", "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code",
			"ship-country", "promotion-ids", "is-business-order", "purchase-order-number", "price-designation" };

	private static final String[] UNSHIPPED_HEADER = { "order-id", "order-item-id", "purchase-date", "payments-date",
			"reporting-date", "promise-date", "days-past-promise", "buyer-email", "buyer-name", "buyer-phone-number",
			"sku", "product-name", "quantity-purchased", "quantity-shipped", "quantity-to-ship", "ship-service-level",
			"recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city", "ship-state",
			"ship-postal-code", "ship-country", "is-business-order", "is-prime" };

	private static final String[][] PRODUCTS_EN = { { "MUG-BLU-12", "Ceramic Mug 12 oz \"Blue\"" },
			{ "MUG-RED-12", "Ceramic Mug 12 oz Red" }, { "TEA-GRN-50", "Green Tea 50 bags" },
			{ "COASTER-4", "Cork Coaster (4 pack)" }, { "BOARD-ENG", "Engraved Cutting Board, Walnut" },
			{ "KETTLE-1L", "Gooseneck Kettle 1 l" }, { "SPOON-SET", "Tea Spoon Set of 6" } };

	private static final String[][] PRODUCTS_ES = { { "TAZA-AZL", "Taza de cerámica azul" },
			{ "TE-VERDE", "Té verde ecológico, 50 bolsitas" }, { "TABLA-GRB", "Tabla de cortar grabada" } };

	private static final String[][] PRODUCTS_EU = { { "KEY-001", "Schlüsselanhänger Edelstahl" },
			{ "BOX-00M", "Geschenkbox Größe M" }, { "MUG-GRN", "Kaffeebecher Grün" },
			{ "MUG-FR1", "Tasse à café émaillée" }, { "TAZZA-IT", "Tazza in ceramica, perché no" },
			{ "TAZA-ES", "Taza de café pequeña" }, { "MUG-UK", "Bone China Mug £ Edition" },
			{ "BOX-ECO", "Brotdose Ökö" } };

	private static final String[][] PRODUCTS_JA = { { "CHA-MAT", "抹茶 100g" }, { "CHA-SEN", "茶筅 竹製" },
			{ "TEA-SEN", "煎茶 ティーバッグ" }, { "YUNOMI-1", "湯呑み 有田焼" }, { "KYUSU-1", "急須 常滑焼 300ml" } };

	private static final String[] NAMES_EN = { "Jane Doe", "John Roe", "Mary Major", "Richard Miles", "Ana Lima" };

	private static final String[] NAMES_JA = { "山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健" };

	private static final String[] CITIES_EU = { "München", "Köln", "Hamburg", "Paris", "Lyon", "Milano", "Torino",
			"Madrid", "Sevilla", "London", "Leeds" };

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final SyntheticSeller seller;

	private final long seed;

	OrderReportGenerator(SyntheticSeller seller, long seed) {
		this.seller = seller;
		this.seed = seed;
	}

	/**
	 * @return the order report lines written (broken lines included)
	 */
	long write(Path orders) throws IOException {
		long lines = orderReport(orders.resolve("order-report-us-2026-11.txt"), '\t',
				seller.firstOrder(Report.ORDER_REPORT_US), seller.endOrder(Report.ORDER_REPORT_US));
		try (GeneratedFile file = GeneratedFile.create(orders.resolve("all-orders-eu-2026-11.txt"), WINDOWS_1252, false,
				false, seed)) {
			file.row('\t', ALL_ORDERS_HEADER);
			for (int n = seller.firstOrder(Report.ALL_ORDERS_EU); n < seller.endOrder(Report.ALL_ORDERS_EU); n++) {
				lines += allOrdersLines(file, n);
			}
		}
		try (GeneratedFile file = GeneratedFile.create(orders.resolve("unshipped-jp-2026-11.txt"), CP932, true, false,
				seed)) {
			file.row('\t', UNSHIPPED_HEADER);
			for (int n = seller.firstOrder(Report.UNSHIPPED_JP); n < seller.endOrder(Report.UNSHIPPED_JP); n++) {
				lines += unshippedLines(file, n);
			}
		}
		lines += orderReport(orders.resolve("order-report-ca-mx-2026-11.csv"), ',',
				seller.firstOrder(Report.ORDER_REPORT_CA_MX), seller.endOrder(Report.ORDER_REPORT_CA_MX));
		// a report of another kind dropped into the folder: rejected whole
		try (GeneratedFile file = GeneratedFile.create(orders.resolve("fba-received-inventory.txt"),
				StandardCharsets.UTF_8, false, false, seed)) {
			file.row('\t', "received-date", "fnsku", "sku", "product-name", "quantity", "fba-shipment-id",
					"fulfillment-center-id");
			for (int i = 0; i < 20; i++) {
				file.row('\t', "2026-11-01T00:00:00+00:00", "X00" + (100_000 + i), "MUG-BLU-12", "Ceramic Mug 12 oz",
						String.valueOf(12 + i), "FBA15ABC" + i, "SEA8");
			}
		}
		return lines;
	}

	/**
	 * Writes the US store's order report of the orders placed on the given day after the
	 * export day, as Amazon's daily report request gives it.
	 * @return the order report lines written
	 */
	long writeDay(Path orders, int day) throws IOException {
		String date = SyntheticSeller.EXPORT_DAY.plusDays(day).toString();
		return orderReport(orders.resolve("order-report-us-" + date + ".txt"), '\t', seller.firstOrderOfDay(day),
				seller.endOrderOfDay(day));
	}

	/**
	 * An Order Report of orders {@code from} to {@code to}: tab-separated, or saved as a
	 * comma-separated file with a BOM; UTF-8, CRLF.
	 */
	private long orderReport(Path report, char delimiter, int from, int to) throws IOException {
		long lines = 0;
		try (GeneratedFile file = GeneratedFile.create(report, StandardCharsets.UTF_8, true, delimiter == ',', seed)) {
			file.row(delimiter, ORDER_REPORT_HEADER);
			for (int n = from; n < to; n++) {
				lines += orderReportLines(file, n, delimiter);
			}
		}
		return lines;
	}

	private int orderReportLines(GeneratedFile file, int n, char delimiter) {
		Site site = seller.site(n);
		String[][] products = site == Site.MX ? PRODUCTS_ES : PRODUCTS_EN;
		String orderId = seller.orderId(n);
		String date = iso(seller.purchaseDate(n));
		String alias = seller.isBusinessOrder(n) ? "no-reply-amazon-iba-buyer@marketplace.amazon." + site.tld()
				: relayed(file, seller.alias(n));
		String name = file.pick(NAMES_EN);
		String currency = site == Site.US ? "USD" : site == Site.CA ? "CAD" : "MXN";
		int lines = seller.linesOf(n);
		for (int item = 0; item < lines; item++) {
			String[] product = file.pick(products);
			// a sparse continuation line: only the item's own cells, the order is the one
			// above
			boolean sparse = item > 0 && file.chance(0.3);
			String[] cells = { sparse ? "" : orderId, String.valueOf(50_000_000_000_000L + n * 3L + item),
					sparse ? "" : date, sparse ? "" : date, sparse ? "" : alias, sparse ? "" : name,
					sparse ? "" : "+1 206-555-" + String.format(Locale.ROOT, "%04d", n % 10_000), product[0],
					product[1], String.valueOf(1 + item), currency, price(file), "1.24", "4.99", "0.00", "Standard",
					sparse ? "" : name, sparse ? "" : (100 + n % 900) + " Pine St", "", "", "Seattle", "WA", "98101",
					site == Site.US ? "US" : site == Site.CA ? "CA" : "MX", "", "", "", "",
					file.chance(0.1) ? "Leave at door" : "", sparse ? "" : site.salesChannel };
			breakSometimes(file, cells, 0, 2, 4);
			write(file, delimiter, cells);
		}
		return lines;
	}

	private int allOrdersLines(GeneratedFile file, int n) {
		Site site = seller.site(n);
		String orderId = seller.orderId(n);
		OffsetDateTime purchased = seller.purchaseDate(n);
		// older exports of some stores write German dates
		String date = site == Site.DE && n % 7 == 0
				? purchased.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")) : iso(purchased);
		String status = file.pick(new String[] { "Shipped", "Shipped", "Shipped", "Pending", "Unshipped", "Canceled" });
		int lines = seller.linesOf(n);
		for (int item = 0; item < lines; item++) {
			String[] product = file.pick(PRODUCTS_EU);
			String[] cells = { orderId, "", date, iso(purchased.plusHours(2 + item)), status, "Merchant",
					site.salesChannel, "", "", "Standard", product[1], product[0], "B00" + product[0], status, "1",
					site == Site.UK ? "GBP" : "EUR", price(file).replace('.', ','), "", "", "", "", "", "", "",
					file.pick(CITIES_EU), "", String.valueOf(10_000 + n % 89_999),
					site.name().equals("UK") ? "GB" : site.name(), "", seller.isBusinessOrder(n) ? "true" : "false", "",
					"" };
			breakSometimes(file, cells, 0, 2, -1);
			file.row('\t', cells);
		}
		return lines;
	}

	private int unshippedLines(GeneratedFile file, int n) {
		String orderId = seller.orderId(n);
		OffsetDateTime purchased = seller.purchaseDate(n);
		String date = n % 5 == 0 ? purchased.format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"))
				: iso(purchased);
		String alias = seller.isBusinessOrder(n) ? "no-reply-amazon-iba-buyer@marketplace.amazon.co.jp"
				: seller.alias(n).toUpperCase(Locale.ROOT);
		String name = file.pick(NAMES_JA);
		int lines = seller.linesOf(n);
		for (int item = 0; item < lines; item++) {
			String[] product = file.pick(PRODUCTS_JA);
			String[] cells = { orderId, String.valueOf(11_000_000_000_000L + n * 3L + item), date, date,
					iso(purchased.plusDays(1)), iso(purchased.plusDays(3)), "0", alias, name, "090-1234-5678",
					product[0], product[1], "1", "0", "1", "Standard", name, "千代田区千代田1-1", "", "", "千代田区", "東京都",
					"100-0001", "JP", "false", file.chance(0.5) ? "true" : "false" };
			breakSometimes(file, cells, 0, 2, 7);
			file.row('\t', cells);
		}
		return lines;
	}

	/**
	 * Now and then one line gets a malformed order id, an unreadable date or a broken
	 * e-mail cell.
	 */
	private static void breakSometimes(GeneratedFile file, String[] cells, int orderId, int date, int email) {
		if (!file.chance(BROKEN_LINES)) {
			return;
		}
		switch (file.random.nextInt(email < 0 ? 2 : 3)) {
			case 0 -> cells[orderId] = "113-98765";
			case 1 -> cells[date] = "sometime last week";
			default -> cells[email] = "n/a (buyer unknown)";
		}
	}

	private static void write(GeneratedFile file, char delimiter, String[] cells) {
		if (delimiter == '\t') {
			file.row('\t', cells);
		}
		else {
			file.line(CSVFormat.RFC4180.format((Object[]) cells));
		}
	}

	private static String relayed(GeneratedFile file, String alias) {
		// relay addresses and upper case both occur in exports; the job normalises them
		if (file.chance(0.05)) {
			return alias.replace("@", "+relay" + file.random.nextInt(100) + "@");
		}
		return file.chance(0.05) ? alias.toUpperCase(Locale.ROOT) : alias;
	}

	private static String price(GeneratedFile file) {
		int cents = 499 + file.random.nextInt(5000);
		return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
	}

	static String iso(OffsetDateTime date) {
		return date.format(ISO);
	}

}
