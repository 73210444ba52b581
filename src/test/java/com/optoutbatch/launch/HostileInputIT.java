package com.optoutbatch.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.RunFileWriter.InputFile;
import com.optoutbatch.support.RunFileWriter.RunFile;
import com.optoutbatch.support.TestWorkspace;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.tuple;

/**
 * Hostile input run through the packaged application's nightly run, as a seller's files
 * may be: stray quotes, files that are not text, personal data in records of any shape,
 * control characters, a column named twice, UTF-16, one order with two buyers, output
 * names that clash, symlinks out of the workspace or in a loop, bad parameters. Each test
 * makes its workspace, runs one night and checks the exit code, the counts, the reasons
 * and, through {@link NightOutputs}, what must hold of every night: every record
 * accounted for, no opted-out order or buyer on a clean send list, no personal data
 * written. Failures are collected, so that a run shows every broken promise, not the
 * first.
 */
@ExtendWith(SoftAssertionsExtension.class)
class HostileInputIT {

	static final String RUN_DATE = "2026-11-27";

	static final String GENERIC_HEADER = "order_id,buyer_alias,campaign,planned_send_date,purpose";

	static final String ORDER_REPORT_HEADER = "order-id\tpurchase-date\tbuyer-email\tsales-channel";

	static final String MESSAGE_LOG_HEADER = "message_id,order_id,recipient,subject,body,sent_at,tool";

	@TempDir
	Path folder;

	@InjectSoftAssertions
	SoftAssertions softly;

	/**
	 * The workspace, one folder down, so that the test's folder has room for what lies
	 * outside it.
	 */
	Path home;

	@BeforeEach
	void workspace() throws IOException {
		home = Files.createDirectories(folder.resolve("seller"));
	}

	@Test
	void strayQuoteCostsOneRecordNotTheRestOfTheFile() throws Exception {
		write("optouts/blocked-orders.txt",
				IntStream.rangeClosed(1, 1000).mapToObj(i -> i == 3 ? "\"" + orderId(i) : orderId(i)).toList());
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER,
				IntStream.rangeClosed(1, 1000).mapToObj(HostileInputIT::reviewRequest).toList());
		// a tab-separated report takes quotes as text: this one is comma-separated
		write("orders/order-report-2026-11.txt", ORDER_REPORT_HEADER.replace('\t', ','),
				withLine(orderLines(2001, 20, ","), 5,
						orderId(2004) + ",\"2026-11-02T10:00:00Z," + alias(2004) + ",Amazon.com"));
		write("messages/sent-messages-2026-11.csv", MESSAGE_LOG_HEADER,
				withLine(messages(2001, 20), 5, "m-2004," + orderId(2004) + "," + alias(2004)
						+ ",Your order has shipped,\"Your order is on its way.," + "2026-11-03T08:00:00Z,ZonMaster"));
		write("campaigns/holiday-promo-export.csv", "Segment,Order Ref,Contact",
				withLine(IntStream.range(3001, 3021).mapToObj(i -> "regular," + orderId(i) + "," + alias(i)).toList(),
						6, "regular,\"" + orderId(3005) + "," + alias(3005)));

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode())
			.as("exit code; stderr: %s", process.stderr())
			.isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE.code());
		assertOneLine(process.stderr(), "stderr").contains("blocked-orders.txt (1 unreadable record)")
			.doesNotContain("order-report-2026-11.txt", "sent-messages-2026-11.csv", "holiday-promo-export.csv");
		assertReportWarnsOf(night, "blocked-orders.txt");

		InputFile optOuts = night.input("scanMailbox", "blocked-orders.txt");
		if (optOuts != null) {
			softly.assertThat(optOuts)
				.as("the opt-out list's counts")
				.extracting(InputFile::read, InputFile::used, InputFile::rejected, InputFile::unreadRecords)
				.containsExactly(1000L, 999L, 1L, 1L);
			softly.assertThat(optOuts.reasons())
				.as("the opt-out list's reasons")
				.containsExactly(entry("unterminated quote", 1L));
		}
		softly.assertThat(night.optOuts().orders())
			.as("opted-out orders")
			.hasSize(999)
			.contains(orderId(1), orderId(2), orderId(4), orderId(1000))
			.doesNotContain(orderId(3));
		assertOneReject(night, "scanMailbox", "blocked-orders.txt", "3", "unterminated quote");
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "clean"))
			.as("clean list of the 1,000 orders")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(3));
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "suppressed"))
			.as("held back of the 1,000 orders")
			.hasSize(999)
			.extracting(row -> row.get("reason"))
			.containsOnly("OPTED_OUT_ORDER");

		assertStrayQuoteCostOneRecord(night, "importOrders", "orders/order-report-2026-11.txt", "5");
		softly.assertThat(ApplicationProcess.orderRows(home))
			.as("orders imported")
			.hasSize(19)
			.noneMatch(row -> row.startsWith(orderId(2004)));
		assertStrayQuoteCostOneRecord(night, "importMessages", "messages/sent-messages-2026-11.csv", "5");
		softly.assertThat(Files.readAllLines(night.output("messages/classified.csv")))
			.as("classified messages")
			.hasSize(1 + 19)
			.noneMatch(line -> line.startsWith("m-2004,"));
		assertStrayQuoteCostOneRecord(night, "reconcileCampaigns", "campaigns/holiday-promo-export.csv", "6");
		softly.assertThat(night.sendList("holiday-promo-export.csv", "clean"))
			.as("clean list of the promotion")
			.hasSize(19)
			.noneMatch(row -> row.get("Order Ref").contains(orderId(3005)));

		night.assertInvariants(List.of());
	}

	@Test
	void fileThatIsNotTextIsRejectedWholeAndTheNightStillWritesTheSendLists() throws Exception {
		writeBytes("optouts/blacklist.xlsx", binary("PK\u0003\u0004", 1));
		write("optouts/seller-central-notes.txt", List.of(orderId(11), orderId(12), orderId(13)));
		writeBytes("campaigns/review-requests-nov.xlsx", binary("PK\u0003\u0004", 2));
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER, List.of(reviewRequest(11), reviewRequest(12),
				orderId(13) + ",,Delivery slot,2026-11-28,critical", reviewRequest(14), reviewRequest(15)));
		writeBytes("mailbox/scanned-letter.pdf", binary("%PDF-1.4\n", 3));

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode())
			.as("exit code; stderr: %s", process.stderr())
			.isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE.code());
		assertOneLine(process.stderr(), "stderr")
			.contains("blacklist.xlsx (not a text file", "scanned-letter.pdf (not a text file")
			.doesNotContain("review-requests-nov.xlsx");
		assertReportWarnsOf(night, "blacklist.xlsx", "scanned-letter.pdf");
		for (String file : List.of("blacklist.xlsx", "scanned-letter.pdf")) {
			assertRejectedWhole(night, "scanMailbox", file, "not a text file");
		}
		assertRejectedWhole(night, "reconcileCampaigns", "review-requests-nov.xlsx", "not a text file");
		RunFile campaigns = night.runFile("reconcileCampaigns");
		if (campaigns != null) {
			softly.assertThat(campaigns.status()).as("reconcileCampaigns status").isEqualTo("COMPLETED");
		}
		softly.assertThat(night.optOuts().orders())
			.as("opted-out orders")
			.containsExactlyInAnyOrder(orderId(11), orderId(12), orderId(13));
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "clean"))
			.as("clean list")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(13), orderId(14), orderId(15));
		softly.assertThat(night.sendLists("clean"))
			.as("clean lists")
			.containsExactly("generic/review-requests-nov.clean.csv");

		night.assertInvariants(List.of());
	}

	@Test
	void noNamePhoneOrAddressIsWrittenWhateverTheRecordsShape() throws Exception {
		List<Buyer> buyers = List.of(
				new Buyer("Zebulon Quillfeather", "+44 20 7946 0958", "42 Larkspur Crescent", "Quenby-under-Wold",
						"QW1 4ZZ"),
				new Buyer("Ottoline Marchbanks", "+44 161 496 0734", "17 Wexford Mews", "Lowther Fold", "LF9 2XQ"),
				new Buyer("Perpetua Skelgill", "+1 415 555 0176", "8 Thistle Row", "Barnaby Heath", "94999"),
				new Buyer("Winifred Ashdown", "+49 30 90182736", "Kastanienweg 77", "Oberwinkelhausen", "39999"),
				new Buyer("Bartholomew Fenwick", "+33 1 72 98 45 61", "9 Impasse des Tilleuls", "Val-Sombreuil",
						"77999"),
				new Buyer("Cordelia Abernethy", "+1 206 555 0133", "1200 Gullwing Terrace", "Port Hadley", "98999"),
				new Buyer("Ignatius Prewett", "+44 113 496 0321", "3 Wrenfield Close", "Ambleside Cross", "AC2 7YY"));
		String reportHeader = "order-id\torder-item-id\tpurchase-date\tbuyer-email\tbuyer-name\tbuyer-phone-number\t"
				+ "ship-address-1\tship-city\tship-postal-code\tsales-channel\tsku\tproduct-name";
		write("orders/order-report-uk-2026-11.txt", reportHeader,
				List.of(String.join("\t", buyers.get(0).orderCells(21)),
						// a missing tab: the name moves into the buyer-email column,
						// every cell after it one to the left
						String.join("\t", buyers.get(1).orderCells(22)).replaceFirst("Z\t", "Z"),
						// an extra tab: the postal code moves into the sales-channel
						// column, every cell one to the right
						String.join("\t", buyers.get(2).orderCells(23)).replaceFirst("\t", "\t\t"),
						String.join("\t", buyers.get(3).orderCells(24)),
						String.join("\t", buyers.get(4).orderCells(25))));
		write("orders/order-export-without-header.txt", List.of(String.join("\t", buyers.get(5).orderCells(26)),
				String.join("\t", buyers.get(6).orderCells(27))));
		write("campaigns/customer-contacts.csv", List.of(buyers.get(5).listLine(26), buyers.get(6).listLine(27)));
		write("optouts/customer-requests.csv", "order id,name,phone,address,date",
				List.of(buyers.get(0).optOutLine(orderId(21)), buyers.get(1).optOutLine(""),
						buyers.get(2).optOutLine("112-12345"),
						// a quote that is never closed: the line cannot be parsed into
						// cells
						buyers.get(3).optOutLine(orderId(24)).replace("2026-11-10", "\"2026-11-10"),
						buyers.get(4).optOutLine(orderId(25)), orderId(28) + ",,,,2026-11-10",
						orderId(29) + ",,,,2026-11-10"));
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER,
				IntStream.rangeClosed(21, 27).mapToObj(HostileInputIT::reviewRequest).toList());

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode())
			.as("exit code; stderr: %s", process.stderr())
			.isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE.code());
		assertOneLine(process.stderr(), "stderr").contains("customer-requests.csv (1 unreadable record)");
		InputFile report = night.input("importOrders", "order-report-uk-2026-11.txt");
		if (report != null) {
			softly.assertThat(report)
				.as("the order report's counts")
				.extracting(InputFile::read, InputFile::used, InputFile::rejected)
				.containsExactly(5L, 3L, 2L);
			softly.assertThat(report.reasons())
				.as("the order report's reasons")
				.containsOnly(entry("fewer cells than the header", 1L), entry("more cells than the header", 1L));
		}
		softly.assertThat(night.rejects("importOrders", "order-report-uk-2026-11.txt"))
			.as("the order report's rejects")
			.extracting(row -> row.get("line"))
			.containsExactlyInAnyOrder("3", "4");
		assertRejectedWhole(night, "importOrders", "order-export-without-header.txt", "no header line");
		assertRejectedWhole(night, "reconcileCampaigns", "customer-contacts.csv", "no header line");
		InputFile requests = night.input("scanMailbox", "customer-requests.csv");
		if (requests != null) {
			softly.assertThat(requests.reasons())
				.as("the opt-out list's reasons")
				.containsOnly(entry("no order id or alias", 2L), entry("unterminated quote", 1L));
		}
		softly.assertThat(night.optOuts().orders())
			.as("opted-out orders")
			.containsExactlyInAnyOrder(orderId(21), orderId(25), orderId(28), orderId(29));
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "clean"))
			.as("clean list")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(22), orderId(23), orderId(24), orderId(26), orderId(27));

		night.assertInvariants(buyers.stream().flatMap(Buyer::personalData).toList());
	}

	@Test
	void controlCharacterDuplicatedColumnUtf16ListAndConflictingAliasesAreCaughtNotCopied() throws Exception {
		write("optouts/seller-central-notes.txt", List.of(orderId(51), orderId(61), alias(75)));
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER,
				List.of(reviewRequest(51), reviewRequest(52),
						orderId(53) + ",,Review\u0000Nov,2026-11-28,review_request", reviewRequest(54),
						reviewRequest(71), orderId(74) + "," + alias(75).replace("q@", "Q+shop@").toUpperCase()
								+ ",Review Nov,2026-11-28,review_request"));
		write("campaigns/two-order-columns.csv", "order_id,campaign,order_id",
				List.of(orderId(55) + ",Promo," + orderId(56)));
		String utf16List = GENERIC_HEADER + "\r\n"
				+ String.join("\r\n", reviewRequest(61), reviewRequest(62), reviewRequest(63)) + "\r\n";
		writeBytes("campaigns/generic/review-requests-utf16.csv",
				withByteOrderMark(utf16List, StandardCharsets.UTF_16LE));
		write("orders/order-report-2026-11.txt", ORDER_REPORT_HEADER,
				List.of(orderId(71) + "\t2026-11-02T10:00:00Z\t" + alias(71) + "\tAmazon.com",
						orderId(71) + "\t2026-11-02T10:00:00Z\t" + alias(75) + "\tAmazon.com",
						orderId(72) + "\t2026-11-02T10:00:00Z\t" + alias(72) + "\tAmazon\u0000.com",
						orderId(73) + "\t2026-11-02T10:00:00Z\t" + alias(73) + "\tAmazon.com"));

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode()).as("exit code; stderr: %s", process.stderr()).isZero();
		assertOneReject(night, "reconcileCampaigns", "generic/review-requests-nov.csv", "4", "control character");
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "clean"))
			.as("clean list")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(52), orderId(54));
		// the order's lines name two buyers: the last line's, who opted out, is kept
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "suppressed"))
			.as("held back")
			.extracting(row -> row.get("order_id"), row -> row.get("reason"))
			.containsExactly(tuple(orderId(51), "OPTED_OUT_ORDER"), tuple(orderId(71), "OPTED_OUT_BUYER"),
					tuple(orderId(74), "OPTED_OUT_BUYER"));
		assertOneReject(night, "importOrders", "order-report-2026-11.txt", "4", "control character");
		softly.assertThat(ApplicationProcess.orderRows(home))
			.as("orders imported")
			.noneMatch(row -> row.contains("\u0000"))
			.noneMatch(row -> row.startsWith(orderId(72)));

		assertRejectedWhole(night, "reconcileCampaigns", "two-order-columns.csv", "duplicate column 'order_id'");
		softly.assertThat(night.sendLists("clean"))
			.as("clean lists")
			.noneMatch(list -> list.startsWith("two-order-columns"));

		Path utf16Clean = night
			.output("send-lists/" + NightOutputs.withKind("generic/review-requests-utf16.csv", "clean"));
		softly.assertThat(utf16Clean).exists();
		if (Files.exists(utf16Clean)) {
			byte[] bytes = NightOutputs.bytes(utf16Clean);
			softly.assertThat(NightOutputs.startsWith(bytes, 0xFF, 0xFE))
				.as("the UTF-16 clean list opens with its BOM")
				.isTrue();
			softly.assertThat(NightOutputs.text(utf16Clean))
				.as("the UTF-16 clean list after its one BOM")
				.startsWith(GENERIC_HEADER + "\r\n")
				.doesNotContain("\uFEFF");
		}
		softly.assertThat(night.sendList("generic/review-requests-utf16.csv", "clean"))
			.as("clean UTF-16 list")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(62), orderId(63));

		InputFile report = night.input("importOrders", "order-report-2026-11.txt");
		if (report != null) {
			softly.assertThat(report.kinds())
				.as("the order report's kinds")
				.containsEntry("orders with conflicting buyer aliases", 1L);
		}
		Element dataQuality = reportPage(night).getElementById("data-quality");
		softly.assertThat(dataQuality).as("the report's data quality section").isNotNull();
		if (dataQuality != null) {
			softly.assertThat(dataQuality.text())
				.as("the report's data quality section")
				.contains("order-report-2026-11.txt: 1 order(s) whose lines name different buyer aliases");
		}

		night.assertInvariants(List.of());
	}

	@Test
	void inputsWhoseOutputNamesWouldClashGetOutputsOfTheirOwnEachCountedOnce() throws Exception {
		write("optouts/seller-central-notes.txt", List.of(orderId(81), orderId(86)));
		write("campaigns/generic.review-requests-nov.csv", GENERIC_HEADER, List.of(reviewRequest(81), reviewRequest(82),
				reviewRequest(83), "not-an-order,,Review Nov,2026-11-28,review_request"));
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER, List.of(reviewRequest(85), reviewRequest(86),
				reviewRequest(87), reviewRequest(88), "not-an-order-either,,Review Nov,2026-11-28,review_request"));
		Path inbox = TestWorkspace.SAMPLE_INPUT.resolve("mailbox/seller-inbox-2026-11.mbox");
		for (String mailbox : List.of("a", "b")) {
			Files.copy(inbox,
					Files.createDirectories(home.resolve("input/mailbox").resolve(mailbox)).resolve("inbox.mbox"));
		}

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode()).as("exit code; stderr: %s", process.stderr()).isZero();
		RunFile campaigns = night.runFile("reconcileCampaigns");
		if (campaigns != null) {
			softly.assertThat(campaigns.inputs())
				.as("campaign lists in the run file")
				.extracting(InputFile::file, InputFile::read, InputFile::rejected)
				.containsExactly(tuple("generic.review-requests-nov.csv", 4L, 1L),
						tuple("generic/review-requests-nov.csv", 5L, 1L));
		}
		softly.assertThat(night.sendList("generic.review-requests-nov.csv", "clean"))
			.as("clean loose list")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(82), orderId(83));
		softly.assertThat(night.sendList("generic/review-requests-nov.csv", "clean"))
			.as("clean list of the generic profile")
			.extracting(row -> row.get("order_id"))
			.containsExactly(orderId(85), orderId(87), orderId(88));
		softly.assertThat(night.rejects("reconcileCampaigns", "generic.review-requests-nov.csv"))
			.as("rejects of the loose list")
			.extracting(row -> row.get("record"))
			.containsExactly("not-an-order,,Review Nov,2026-11-28,review_request");
		softly.assertThat(night.rejects("reconcileCampaigns", "generic/review-requests-nov.csv"))
			.as("rejects of the list of the generic profile")
			.extracting(row -> row.get("record"))
			.containsExactly("not-an-order-either,,Review Nov,2026-11-28,review_request");

		RunFile mailboxes = night.runFile("scanMailbox");
		if (mailboxes != null) {
			softly.assertThat(mailboxes.inputs())
				.as("mailboxes in the run file")
				.extracting(InputFile::file)
				.containsExactly("a/inbox.mbox", "b/inbox.mbox", "seller-central-notes.txt");
			softly.assertThat(mailboxes.inputs().get(0))
				.as("both mailboxes read the same")
				.usingRecursiveComparison()
				.ignoringFields("file")
				.isEqualTo(mailboxes.inputs().get(1));
		}
		for (String mailbox : List.of("a/inbox.mbox", "b/inbox.mbox")) {
			softly.assertThat(night.rejects("scanMailbox", mailbox)).as("rejects of %s", mailbox).hasSize(1);
			softly.assertThat(night.output("quarantine/" + mailbox + ".12.eml"))
				.as("quarantined mail of %s", mailbox)
				.exists();
		}

		night.assertInvariants(List.of());
	}

	@Test
	void symlinksOutOfTheWorkspaceOrInALoopAndNestedFoldersAreNotReadButNamedInTheRunFile() throws Exception {
		write("optouts/seller-central-notes.txt", List.of(orderId(91)));
		Files.copy(TestWorkspace.SAMPLE_INPUT.resolve("mailbox/seller-inbox-2026-11.mbox"),
				Files.createDirectories(home.resolve("input/mailbox")).resolve("seller-inbox-2026-11.mbox"));
		// back to input/, where the order reports would be read as mail
		Files.createSymbolicLink(home.resolve("input/mailbox/everything"), Path.of(".."));
		Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("shared-list.csv"), GENERIC_HEADER + "\n" + reviewRequest(92) + "\n");
		Files.createSymbolicLink(Files.createDirectories(home.resolve("input/campaigns")).resolve("shared-list.csv"),
				elsewhere.resolve("shared-list.csv"));
		write("campaigns/generic/review-requests-nov.csv", GENERIC_HEADER,
				List.of(reviewRequest(91), reviewRequest(93)));
		write("orders/order-report-2026-11.txt", ORDER_REPORT_HEADER, orderLines(91, 3));
		write("orders/2025/order-report-2025-12.txt", ORDER_REPORT_HEADER, orderLines(95, 2));

		NightOutputs night = nightly();

		Result process = night.process();
		softly.assertThat(process.exitCode()).as("exit code; stderr: %s", process.stderr()).isZero();
		assertSkipped(night, "scanMailbox", "mailbox/everything", "symlink loop");
		assertSkipped(night, "reconcileCampaigns", "campaigns/shared-list.csv", "symlink out of the workspace");
		assertSkipped(night, "importOrders", "orders/2025", "folder inside input/orders/ is not read");
		RunFile mailboxes = night.runFile("scanMailbox");
		if (mailboxes != null) {
			softly.assertThat(mailboxes.inputs())
				.as("inputs of scanMailbox")
				.extracting(InputFile::file)
				.containsExactly("seller-central-notes.txt", "seller-inbox-2026-11.mbox");
		}
		RunFile campaigns = night.runFile("reconcileCampaigns");
		if (campaigns != null) {
			softly.assertThat(campaigns.inputs())
				.as("inputs of reconcileCampaigns")
				.extracting(InputFile::file)
				.containsExactly("generic/review-requests-nov.csv");
		}
		softly.assertThat(night.sendLists("clean"))
			.as("clean lists")
			.containsExactly("generic/review-requests-nov.clean.csv");
		softly.assertThat(ApplicationProcess.orderRows(home))
			.as("orders imported")
			.extracting(row -> row.substring(0, row.indexOf('|')))
			.containsExactly(orderId(91), orderId(92), orderId(93));

		night.assertInvariants(List.of());
	}

	@Test
	void badParameterOrJobNameEndsWithExitCode2InOneLineAndWritesNothing() throws Exception {
		write("orders/order-report-2026-11.txt", ORDER_REPORT_HEADER, orderLines(1, 3));
		List<List<String>> launches = List.of(List.of("nightly", "marketplce=amazon.de", "run.date=" + RUN_DATE),
				List.of("nightly", "rejects.max-share=abc", "run.date=" + RUN_DATE),
				List.of("../importOrders", "run.date=" + RUN_DATE),
				List.of("importOrders/../../../escaped", "run.date=" + RUN_DATE),
				List.of("importOrders", "run.date=../../escaped"));
		List<String> expected = List.of("'marketplce'", "rejects.max-share=abc", "'../importOrders'",
				"'importOrders/../../../escaped'", "run.date");

		for (int i = 0; i < launches.size(); i++) {
			Result result = ApplicationProcess.run(home, launches.get(i).toArray(String[]::new));
			softly.assertThat(result.exitCode())
				.as("exit code of %s", launches.get(i))
				.isEqualTo(ExitCode.USAGE.code());
			assertOneLine(result.stderr(), "stderr of " + launches.get(i)).contains(expected.get(i));
		}
		softly.assertThat(ApplicationProcess.run(home, "nightly", "marketplce=amazon.de").stderr())
			.as("the closest known name")
			.contains("did you mean 'marketplace'?");

		try (Stream<Path> around = Files.list(folder)) {
			softly.assertThat(around).as("next to the workspace").containsExactly(home);
		}
		try (Stream<Path> inside = Files.list(home)) {
			softly.assertThat(inside)
				.as("in the workspace")
				.extracting(path -> path.getFileName().toString())
				.containsExactlyInAnyOrder("input", "run.stdout.txt", "run.stderr.txt");
		}
	}

	private NightOutputs nightly() throws Exception {
		return new NightOutputs(home, RUN_DATE, ApplicationProcess.run(home, "nightly", "run.date=" + RUN_DATE),
				softly);
	}

	/**
	 * The line of the file in the run file, its reject, and its counts against its lines:
	 * one record lost, the others used.
	 */
	private void assertStrayQuoteCostOneRecord(NightOutputs night, String job, String path, String line)
			throws IOException {
		String file = path.substring(path.indexOf('/') + 1);
		long lines = NightOutputs.dataLines(home.resolve("input").resolve(path), true);
		InputFile input = night.input(job, file);
		if (input != null) {
			softly.assertThat(input.read()).as("%s: records read against the file's lines", file).isEqualTo(lines);
			softly.assertThat(input.rejected()).as("%s: records rejected", file).isEqualTo(1);
			softly.assertThat(input.used() + input.filtered())
				.as("%s: records used or filtered", file)
				.isEqualTo(lines - 1);
			softly.assertThat(input.reasons()).as("%s: reasons", file).containsExactly(entry("unterminated quote", 1L));
		}
		assertOneReject(night, job, file, line, "unterminated quote");
	}

	/** The text is one line: the line, to check further. */
	private AbstractStringAssert<?> assertOneLine(String text, String what) {
		softly.assertThat(text.lines()).as("lines of %s: %s", what, text).hasSize(1);
		return softly.assertThat(text.strip()).as(what);
	}

	private void assertOneReject(NightOutputs night, String job, String file, String line, String reason) {
		List<CSVRecord> rejects = night.rejects(job, file);
		softly.assertThat(rejects).as("rejects of %s", file).hasSize(1);
		if (rejects.size() == 1) {
			softly.assertThat(rejects.get(0).get("line")).as("line of the reject of %s", file).isEqualTo(line);
			softly.assertThat(rejects.get(0).get("reason")).as("reason of the reject of %s", file).startsWith(reason);
		}
	}

	private void assertRejectedWhole(NightOutputs night, String job, String file, String reason) {
		InputFile input = night.input(job, file);
		if (input != null) {
			softly.assertThat(input.unreadFile()).as("why %s was not read", file).startsWith(reason);
		}
		List<CSVRecord> rejects = night.rejects(job, file);
		softly.assertThat(rejects).as("rejects of %s", file).hasSize(1);
		if (rejects.size() == 1) {
			softly.assertThat(rejects.get(0).get("line")).as("line of the reject of %s", file).isEqualTo("file");
			softly.assertThat(rejects.get(0).get("reason")).as("reason of the reject of %s", file).startsWith(reason);
		}
	}

	private void assertSkipped(NightOutputs night, String job, String path, String reason) {
		RunFile run = night.runFile(job);
		if (run != null) {
			softly.assertThat(run.skipped())
				.as("skipped by %s", job)
				.extracting(skipped -> skipped.path(), skipped -> skipped.reason())
				.contains(tuple(path, reason));
		}
	}

	/**
	 * The report opens with the warning that the send lists may still hold opted-out
	 * buyers, naming each source.
	 */
	private void assertReportWarnsOf(NightOutputs night, String... sources) {
		Element warning = reportPage(night).getElementById("opt-out-sources-not-read-whole");
		softly.assertThat(warning).as("the report's warning").isNotNull();
		if (warning != null) {
			softly.assertThat(warning.text())
				.as("the report's warning")
				.contains("The send lists may still hold opted-out buyers")
				.contains(sources);
		}
	}

	private Document reportPage(NightOutputs night) {
		Path page = night.output("reports/" + RUN_DATE + "/index.html");
		softly.assertThat(page).as("the report").exists();
		try {
			return Files.exists(page) ? Jsoup.parse(page.toFile()) : Document.createShell("");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void write(String path, String header, List<String> lines) throws IOException {
		List<String> all = new ArrayList<>();
		all.add(header);
		all.addAll(lines);
		write(path, all);
	}

	private void write(String path, List<String> lines) throws IOException {
		Path file = home.resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n");
	}

	private void writeBytes(String path, byte[] bytes) throws IOException {
		Path file = home.resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	static String orderId(int n) {
		return String.format("112-%07d-%07d", n, 5_000_000 + n);
	}

	static String alias(int n) {
		return String.format("b%07dq@marketplace.amazon.com", n);
	}

	static String reviewRequest(int n) {
		return orderId(n) + ",,Review Nov,2026-11-28,review_request";
	}

	static List<String> orderLines(int first, int count) {
		return orderLines(first, count, "\t");
	}

	static List<String> orderLines(int first, int count, String delimiter) {
		return IntStream.range(first, first + count)
			.mapToObj(i -> String.join(delimiter, orderId(i), "2026-11-02T10:00:00Z", alias(i), "Amazon.com"))
			.toList();
	}

	static List<String> messages(int first, int count) {
		return IntStream.range(first, first + count)
			.mapToObj(i -> "m-" + i + "," + orderId(i) + "," + alias(i)
					+ ",Your order has shipped,Your order is on its way.," + "2026-11-03T08:00:00Z,ZonMaster")
			.toList();
	}

	/**
	 * The lines with line {@code line} of the file (counting the header, when there is
	 * one) replaced.
	 */
	private List<String> withLine(List<String> lines, int line, String replacement) {
		return IntStream.range(0, lines.size()).mapToObj(i -> i == line - 2 ? replacement : lines.get(i)).toList();
	}

	static byte[] withByteOrderMark(String text, Charset charset) {
		byte[] mark = "\uFEFF".getBytes(charset);
		byte[] body = text.getBytes(charset);
		byte[] bytes = new byte[mark.length + body.length];
		System.arraycopy(mark, 0, bytes, 0, mark.length);
		System.arraycopy(body, 0, bytes, mark.length, body.length);
		return bytes;
	}

	/**
	 * What a spreadsheet or a scan looks like to a reader of text: a signature, then
	 * bytes of every value.
	 */
	static byte[] binary(String signature, long seed) {
		byte[] bytes = new byte[8192];
		new Random(seed).nextBytes(bytes);
		byte[] head = signature.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	private static Map.Entry<String, Long> entry(String key, long value) {
		return Map.entry(key, value);
	}

	/**
	 * A buyer's name, phone and postal address, planted in the files to be found nowhere
	 * in the outputs.
	 */
	record Buyer(String name, String phone, String street, String city, String postalCode) {

		Stream<String> personalData() {
			return Stream.of(name, phone, street, city, postalCode);
		}

		/** The cells of a line of an order report with the header of the test. */
		List<String> orderCells(int n) {
			return List.of(orderId(n), "5281936401" + n, "2026-11-02T10:00:00Z", alias(n), name, phone, street, city,
					postalCode, "Amazon.co.uk", "MUG-BLU-12", "Ceramic Mug 12 oz");
		}

		/** A line of a campaign list that has no header. */
		String listLine(int n) {
			return String.join(",", orderId(n), name, phone, "\"" + street + ", " + city + "\"", "2026-11-28");
		}

		/** A line of an opt-out list with name, phone and address columns. */
		String optOutLine(String orderId) {
			return String.join(",", orderId, name, phone, "\"" + street + ", " + city + " " + postalCode + "\"",
					"2026-11-10");
		}

	}

}
