package com.optoutbatch.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;

/**
 * The facts of one made-up seller that every generated file agrees on: order {@code n}
 * always has the same id, marketplace, buyer and purchase date, so that a notice, a sent
 * message or a campaign row names an order that the order reports hold. Each fact is a
 * pure function of the seed and the order's number, never of what was generated before.
 */
final class SyntheticSeller {

	/** Order report lines per order, on average (1, 2 or 3 lines). */
	static final double LINES_PER_ORDER = 1.45;

	/** The day the generated exports were taken; every date in them is before it. */
	static final LocalDate EXPORT_DAY = LocalDate.of(2026, 11, 25);

	/**
	 * What each day after the export adds, as a share of the exports: new orders, and
	 * messages sent.
	 */
	static final double DAYS_SHARE = 0.01;

	/** The marketplaces and the report each one's orders are in. */
	enum Site {

		US("amazon.com", "Amazon.com", "-08:00", new String[] { "111", "112", "113", "114" }),
		CA("amazon.ca", "Amazon.ca", "-05:00", new String[] { "702" }),
		MX("amazon.com.mx", "Amazon.com.mx", "-06:00", new String[] { "701" }),
		UK("amazon.co.uk", "Amazon.co.uk", "+00:00", new String[] { "202", "203", "204", "205", "206" }),
		DE("amazon.de", "Amazon.de", "+01:00", new String[] { "302", "303", "304", "305", "306" }),
		FR("amazon.fr", "Amazon.fr", "+01:00", new String[] { "402", "403", "028" }),
		IT("amazon.it", "Amazon.it", "+01:00", new String[] { "404", "171" }),
		ES("amazon.es", "Amazon.es", "+01:00", new String[] { "405", "406" }),
		JP("amazon.co.jp", "Amazon.co.jp", "+09:00", new String[] { "503", "249", "250" });

		final String domain;

		final String salesChannel;

		final ZoneOffset offset;

		final String[] firstGroups;

		Site(String domain, String salesChannel, String offset, String[] firstGroups) {
			this.domain = domain;
			this.salesChannel = salesChannel;
			this.offset = ZoneOffset.of(offset);
			this.firstGroups = firstGroups;
		}

		String tld() {
			return domain.substring("amazon.".length());
		}

		String language() {
			return switch (this) {
				case US, CA, UK -> "en";
				case MX, ES -> "es";
				case DE -> "de";
				case FR -> "fr";
				case IT -> "it";
				case JP -> "ja";
			};
		}

	}

	/** The order reports: which orders each one holds (a range of order numbers). */
	enum Report {

		/** Merchant-fulfilled order report of the US store: buyer-email, UTF-8, CRLF. */
		ORDER_REPORT_US(0.00, 0.35),
		/** All Orders report of the EU stores: no buyer-email, windows-1252. */
		ALL_ORDERS_EU(0.35, 0.70),
		/** Unshipped orders of the Japanese store: Shift_JIS, CRLF. */
		UNSHIPPED_JP(0.70, 0.85),
		/**
		 * Order report of Canada and Mexico, saved as a comma-separated file with a BOM.
		 */
		ORDER_REPORT_CA_MX(0.85, 1.00);

		final double from;

		final double to;

		Report(double from, double to) {
			this.from = from;
			this.to = to;
		}

	}

	private final long seed;

	private final int orders;

	private final int buyers;

	/**
	 * The number of the first order placed after the export day: far above the numbers
	 * the files use for orders the reports do not hold.
	 */
	private final int laterOrders;

	private final int ordersADay;

	SyntheticSeller(long seed, Scale scale) {
		this.seed = seed;
		this.orders = (int) Math.round(scale.orderLines / LINES_PER_ORDER);
		// repeat buyers: about three orders per buyer
		this.buyers = Math.max(1, orders / 3);
		this.laterOrders = 2 * orders;
		this.ordersADay = Math.max(1, (int) Math.round(orders * DAYS_SHARE));
	}

	/** The orders of the reports: numbers 0 to {@code orders() - 1}. */
	int orders() {
		return orders;
	}

	/**
	 * The first of the orders placed on the given day after the export day (1 for the day
	 * after it); they are sold in the US store.
	 */
	int firstOrderOfDay(int day) {
		return laterOrders + (day - 1) * ordersADay;
	}

	int endOrderOfDay(int day) {
		return firstOrderOfDay(day + 1);
	}

	/**
	 * One of the orders the seller has by the end of the given day after the export day,
	 * drawn at random.
	 */
	int placedOrder(int day, Random random) {
		int pick = random.nextInt(orders + day * ordersADay);
		return pick < orders ? pick : laterOrders + pick - orders;
	}

	/**
	 * Whether order {@code n} is the seller's: in the reports, or placed after the export
	 * day.
	 */
	boolean isPlaced(int n) {
		return n < orders || n >= laterOrders;
	}

	int firstOrder(Report report) {
		return (int) Math.round(orders * report.from);
	}

	int endOrder(Report report) {
		return (int) Math.round(orders * report.to);
	}

	Report reportOf(int n) {
		for (Report report : Report.values()) {
			if (n < endOrder(report)) {
				return report;
			}
		}
		throw new IllegalArgumentException("no order " + n);
	}

	Site site(int n) {
		if (n >= laterOrders) {
			return Site.US;
		}
		long pick = mix(n, 1);
		return switch (reportOf(n)) {
			case ORDER_REPORT_US -> Site.US;
			case ALL_ORDERS_EU -> new Site[] { Site.UK, Site.DE, Site.DE, Site.FR, Site.IT, Site.ES }[(int) (pick % 6)];
			case UNSHIPPED_JP -> Site.JP;
			case ORDER_REPORT_CA_MX -> pick % 3 == 0 ? Site.MX : Site.CA;
		};
	}

	/**
	 * The id of order {@code n}; {@code n} between the reports' orders and the later ones
	 * gives ids the seller does not hold (orders of another account, or older than the
	 * reports).
	 */
	String orderId(int n) {
		Site site = isPlaced(n) ? site(n) : Site.values()[(int) (mix(n, 1) % Site.values().length)];
		String first = site.firstGroups[(int) (mix(n, 2) % site.firstGroups.length)];
		// odd and not a multiple of 5: a bijection on 0..9,999,999, so ids never collide
		long middle = (n * 2_654_435_761L) % 10_000_000L;
		long last = mix(n, 3) % 10_000_000L;
		return String.format(Locale.ROOT, "%s-%07d-%07d", first, middle, last);
	}

	int linesOf(int n) {
		long pick = mix(n, 4) % 20;
		return pick < 13 ? 1 : pick < 18 ? 2 : 3;
	}

	int buyerOf(int n) {
		return (int) (mix(n, 5) % buyers);
	}

	/** The buyer's anonymised alias for the order's marketplace. */
	String alias(int n) {
		Site site = n < orders ? site(n) : Site.US;
		return aliasLocalPart(buyerOf(n)) + "@marketplace.amazon." + site.tld();
	}

	/**
	 * Whether the order is an Amazon Business order, whose alias is shared by all such
	 * buyers.
	 */
	boolean isBusinessOrder(int n) {
		return mix(n, 6) % 100 == 0;
	}

	OffsetDateTime purchaseDate(int n) {
		Site site = n < orders ? site(n) : Site.US;
		long pick = mix(n, 7);
		LocalDate day = n >= laterOrders ? EXPORT_DAY.plusDays(1 + (n - laterOrders) / ordersADay)
				: EXPORT_DAY.minusDays(pick % 60);
		return day.atTime(8 + (int) (pick / 60 % 14), (int) (pick / 7 % 60), (int) (pick / 11 % 60))
			.atOffset(site.offset);
	}

	/** Whether the order's report names its buyer (the All Orders report does not). */
	boolean aliasKnown(int n) {
		return n < orders && reportOf(n) != Report.ALL_ORDERS_EU && !isBusinessOrder(n);
	}

	private String aliasLocalPart(int buyer) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		long bits = mix(buyer, 8);
		StringBuilder alias = new StringBuilder(15);
		for (int i = 0; i < 15; i++) {
			alias.append(alphabet.charAt((int) Long.remainderUnsigned(bits, 36)));
			bits = Long.divideUnsigned(bits, 36);
			if (i == 11) {
				bits = mix(buyer, 9);
			}
		}
		return alias.toString();
	}

	/**
	 * A non-negative pseudo-random number for fact {@code fact} of thing {@code n}
	 * (SplitMix64).
	 */
	long mix(long n, long fact) {
		long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + fact * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) >>> 1;
	}

}
