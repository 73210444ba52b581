package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;

/**
 * Writes {@code input/campaigns/}: one list for each of four tool profiles, in the tool's
 * layout, delimiter and charset (generic CSV, FeedbackWhiz quoted with a BOM, ZonMaster
 * tab-separated in windows-1252, BQool semicolon-separated), with rows for orders of the
 * reports, rows for other orders, and a few percent of broken rows. Also the opt-out
 * lists of {@code input/optouts/}.
 */
final class CampaignListGenerator {

	static final double BROKEN_ROWS = 0.02;

	private static final LocalDate FIRST_SEND_DAY = SyntheticSeller.EXPORT_DAY.plusDays(2);

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

	private final SyntheticSeller seller;

	private final long seed;

	CampaignListGenerator(SyntheticSeller seller, long seed) {
		this.seller = seller;
		this.seed = seed;
	}

	/** A row's fields before the tool's layout puts them in order. */
	private record Row(String orderId, String alias, String sendDate, String deliveryDate, String purpose) {
	}

	/**
	 * @return the campaign rows written
	 */
	long write(Path campaigns, int rowsPerList) throws IOException {
		genericList(campaigns.resolve("generic/review-requests-nov.csv"), "Review Nov", rowsPerList, FIRST_SEND_DAY);
		CSVFormat quoted = CSV.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL).get();
		try (GeneratedFile file = GeneratedFile.create(campaigns.resolve("feedbackwhiz/scheduled-emails-2026-11.csv"),
				StandardCharsets.UTF_8, true, true, seed)) {
			file.line(quoted.format("Amazon Order ID", "Buyer Email", "Campaign Name", "Scheduled Date",
					"Delivery Date", "Campaign Type"));
			for (int i = 0; i < rowsPerList; i++) {
				Row row = row(file, new String[] { "Product Review", "Product Review", "Seller Feedback",
						"Order Follow-up", "Promotion", "Custom Order" }, FIRST_SEND_DAY);
				file.line(quoted.format(row.orderId, row.alias, "Review Boost", row.sendDate, row.deliveryDate,
						row.purpose));
			}
		}
		try (GeneratedFile file = GeneratedFile.create(campaigns.resolve("zonmaster/queue-2026-11.tsv"),
				Charset.forName("windows-1252"), false, false, seed)) {
			file.row('\t', "order-id", "buyer-email", "template-name", "send-date", "delivered-date", "template-type");
			for (int i = 0; i < rowsPerList; i++) {
				Row row = row(file, new String[] { "feedback", "feedback", "thank you", "delivery", "customization" },
						FIRST_SEND_DAY);
				file.row(
						'\t', row.orderId, row.alias, file.pick(new String[] { "Bewertung bitte – Größe M",
								"Lieferung geändert", "Danke schön", "Gravur: Rückfrage zum Text" }),
						row.sendDate, row.deliveryDate, row.purpose);
			}
		}
		try (GeneratedFile file = GeneratedFile.create(campaigns.resolve("bqool/review-schedule-eu.csv"),
				StandardCharsets.UTF_8, false, false, seed)) {
			CSVFormat semicolon = CSV.builder().setDelimiter(';').get();
			file.line(semicolon.format("Order Number", "Customer Email", "Template", "Send Time", "Purpose"));
			for (int i = 0; i < rowsPerList; i++) {
				Row row = row(file, new String[] { "Review Request", "Feedback Request", "Notification" },
						FIRST_SEND_DAY);
				file.line(semicolon.format(row.orderId, row.alias, "Bewertung",
						row.sendDate == null ? null
								: row.sendDate.matches("\\d{4}-\\d\\d-\\d\\d") ? row.sendDate + " 10:00" : row.sendDate,
						row.purpose));
			}
		}
		return 4L * rowsPerList;
	}

	/**
	 * Writes a generic list of review requests made on the given day after the export
	 * day, to be sent from two days later on.
	 * @return the campaign rows written
	 */
	long writeDay(Path campaigns, int day, int rows) throws IOException {
		LocalDate date = SyntheticSeller.EXPORT_DAY.plusDays(day);
		genericList(campaigns.resolve("generic/review-requests-" + date + ".csv"), "Review " + date, rows,
				date.plusDays(2));
		return rows;
	}

	private void genericList(Path list, String campaign, int rows, LocalDate firstSendDay) throws IOException {
		try (GeneratedFile file = GeneratedFile.create(list, StandardCharsets.UTF_8, false, false, seed)) {
			file.line(CSV.format("order_id", "buyer_alias", "campaign", "planned_send_date", "purpose"));
			for (int i = 0; i < rows; i++) {
				Row row = row(file,
						new String[] { "review_request", "review_request", "customer_service", "marketing" },
						firstSendDay);
				file.line(CSV.format(row.orderId, row.alias, campaign, row.sendDate, row.purpose));
			}
		}
	}

	/**
	 * A row for a random order, to be sent within four days from {@code firstSendDay}.
	 */
	private Row row(GeneratedFile file, String[] purposes, LocalDate firstSendDay) {
		// one row in twenty is for an order the reports do not hold
		int n = file.random.nextInt(seller.orders() + seller.orders() / 20 + 1);
		String orderId = seller.orderId(n);
		String alias = seller.isBusinessOrder(n) || file.chance(0.5) ? "" : seller.alias(n);
		LocalDate send = firstSendDay.plusDays(file.random.nextInt(4));
		LocalDate delivered = send.minusDays(2 + file.random.nextInt(30));
		String sendDate = send.toString();
		if (file.chance(BROKEN_ROWS)) {
			switch (file.random.nextInt(3)) {
				case 0 -> orderId = "ZZ-" + orderId.substring(3, 10);
				case 1 -> sendDate = "next week";
				default -> {
					orderId = "";
					alias = "";
				}
			}
		}
		return new Row(orderId, alias, sendDate, delivered.toString(), file.pick(purposes));
	}

	/**
	 * The opt-outs known from elsewhere: another tool's blacklist and notes taken by
	 * hand.
	 */
	void writeOptOutLists(Path optouts) throws IOException {
		int entries = Math.max(10, seller.orders() / 1000);
		try (GeneratedFile file = GeneratedFile.create(optouts.resolve("feedbackwhiz-blacklist.csv"),
				StandardCharsets.UTF_8, false, false, seed)) {
			file.line("Order ID,Buyer Email,Opted out");
			for (int i = 0; i < entries; i++) {
				int n = file.random.nextInt(seller.orders());
				String day = SyntheticSeller.EXPORT_DAY.minusDays(file.random.nextInt(90)).toString();
				file.line(file.chance(0.5) ? seller.orderId(n) + ",," + day : "," + seller.alias(n) + "," + day);
			}
			file.line("n/a,unknown,");
		}
		try (GeneratedFile file = GeneratedFile.create(optouts.resolve("seller-central-notes.txt"),
				StandardCharsets.UTF_8, false, false, seed)) {
			file.line("# opt-outs noted by hand from Seller Central messages");
			for (int i = 0; i < entries / 10 + 1; i++) {
				file.line(seller.orderId(file.random.nextInt(seller.orders())));
			}
		}
	}

}
