package com.optoutbatch.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.optoutbatch.support.OrderIds;

import static org.assertj.core.api.Assertions.assertThat;

class DayOfNewDataTests {

	private static final long SEED = 7;

	/** The data of night 2: the first day after the export day. */
	private static final LocalDate DAY = SyntheticSeller.EXPORT_DAY.plusDays(1);

	private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");

	@TempDir
	Path temp;

	Path workspace;

	@BeforeEach
	void generatedWorkspace() throws IOException {
		workspace = temp.resolve("workspace");
		new SellerDataGenerator(Scale.T, SEED).write(workspace);
	}

	@Test
	void sameSeedAndNightGiveSameBytes() throws IOException {
		Path other = temp.resolve("other");
		new SellerDataGenerator(Scale.T, SEED).write(other);

		for (Path home : List.of(workspace, other)) {
			new DayOfNewData(Scale.T, SEED, 2).write(home);
			new DayOfNewData(Scale.T, SEED, 3).write(home);
		}

		List<Path> files = files(workspace);
		assertThat(files).isEqualTo(files(other));
		for (Path file : files) {
			assertThat(Files.readAllBytes(other.resolve(file))).as(file.toString())
				.isEqualTo(Files.readAllBytes(workspace.resolve(file)));
		}
	}

	@Test
	void eachNightAddsItsOwnNewFiles() throws IOException {
		List<Path> generated = files(workspace);

		DayOfNewData.Summary second = new DayOfNewData(Scale.T, SEED, 2).write(workspace);
		DayOfNewData.Summary third = new DayOfNewData(Scale.T, SEED, 3).write(workspace);

		assertThat(second.day()).isEqualTo(DAY);
		assertThat(third.day()).isEqualTo(DAY.plusDays(1));
		List<Path> added = new ArrayList<>(files(workspace));
		added.removeAll(generated);
		assertThat(added).containsExactlyInAnyOrder(Path.of("input/orders/order-report-us-2026-11-26.txt"),
				Path.of("input/orders/order-report-us-2026-11-27.txt"),
				Path.of("input/messages/sent-messages-2026-11-26.csv"),
				Path.of("input/messages/sent-messages-2026-11-27.csv"),
				Path.of("input/campaigns/generic/review-requests-2026-11-26.csv"),
				Path.of("input/campaigns/generic/review-requests-2026-11-27.csv"));
		// a hundredth of the generated order lines and messages
		assertThat(second.orderLines()).isBetween(5L, 20L);
		assertThat(second.sentMessages()).isEqualTo(3);
		assertThat(second.mails()).isEqualTo(DayOfNewData.MAILS);
		assertThat(second.campaignRows()).isEqualTo(DayOfNewData.CAMPAIGN_ROWS);
		assertThat(orderIds(orders("order-report-us-2026-11-27.txt")))
			.doesNotContainAnyElementsOf(orderIds(orders("order-report-us-2026-11-26.txt")));
	}

	@Test
	void newOrderReportIsAnOrderReportOfNewOrdersOfTheDay() throws IOException {
		Set<String> generatedOrders = new HashSet<>();
		for (String report : List.of("order-report-us-2026-11.txt", "all-orders-eu-2026-11.txt",
				"unshipped-jp-2026-11.txt")) {
			generatedOrders.addAll(orderIds(orders(report)));
		}

		new DayOfNewData(Scale.T, SEED, 2).write(workspace);

		Path report = orders("order-report-us-2026-11-26.txt");
		String text = Files.readString(report, StandardCharsets.UTF_8);
		assertThat(firstLine(report)).isEqualTo(firstLine(orders("order-report-us-2026-11.txt")));
		assertThat(text.split("\r\n", -1)).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
		List<String[]> lines = Arrays.stream(text.split("\r\n")).skip(1).map(line -> line.split("\t", -1)).toList();
		assertThat(lines).isNotEmpty().allSatisfy(cells -> assertThat(cells).hasSize(30));
		Set<String> ids = orderIds(report);
		assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(OrderIds.isOrderId(id)).isTrue());
		assertThat(ids).doesNotContainAnyElementsOf(generatedOrders);
		assertThat(lines).filteredOn(cells -> OrderIds.isOrderId(cells[0]))
			.allSatisfy(cells -> assertThat(cells[2]).matches("2026-11-26T.*|sometime last week"));
	}

	@Test
	void newMessageLogAndCampaignListHaveTheGeneratedLayouts() throws IOException {
		new DayOfNewData(Scale.T, SEED, 2).write(workspace);

		Path log = workspace.resolve("input/messages/sent-messages-2026-11-26.csv");
		assertThat(firstLine(log)).isEqualTo(firstLine(workspace.resolve("input/messages/sent-messages-2026-11.csv")));
		List<CSVRecord> messages = records(log);
		assertThat(messages).hasSize(3)
			.allSatisfy(message -> assertThat(message.size()).isEqualTo(7))
			.allSatisfy(message -> assertThat(message.get(0)).startsWith("m-2026-11-26-"))
			.allSatisfy(message -> assertThat(message.get(5)).matches("2026-11-26T.*|yesterday"));

		Path list = workspace.resolve("input/campaigns/generic/review-requests-2026-11-26.csv");
		assertThat(firstLine(list))
			.isEqualTo(firstLine(workspace.resolve("input/campaigns/generic/review-requests-nov.csv")));
		assertThat(records(list)).hasSize(DayOfNewData.CAMPAIGN_ROWS)
			.allSatisfy(row -> assertThat(row.size()).isEqualTo(5));
	}

	@Test
	void mailIsAppendedToTheInboxWhoseBytesStayAsTheyWere() throws IOException {
		Path inbox = workspace.resolve("input/mailbox").resolve(MailboxGenerator.INBOX);
		byte[] generated = Files.readAllBytes(inbox);

		new DayOfNewData(Scale.T, SEED, 2).write(workspace);
		byte[] afterOneDay = Files.readAllBytes(inbox);
		new DayOfNewData(Scale.T, SEED, 3).write(workspace);
		byte[] afterTwoDays = Files.readAllBytes(inbox);

		assertThat(afterOneDay).hasSizeGreaterThan(generated.length).startsWith(generated);
		assertThat(afterTwoDays).hasSizeGreaterThan(afterOneDay.length).startsWith(afterOneDay);
	}

	@Test
	void appendedMailsParseAsMailAndAFewAreNoticesForTheSellersOrders() throws Exception {
		Path inbox = workspace.resolve("input/mailbox").resolve(MailboxGenerator.INBOX);
		String generated = Files.readString(inbox, StandardCharsets.ISO_8859_1);

		new DayOfNewData(Scale.T, SEED, 2).write(workspace);

		String appended = Files.readString(inbox, StandardCharsets.ISO_8859_1).substring(generated.length());
		assertThat(appended).startsWith("From ");
		// mbox quotes body lines that would read as a separator
		List<String> mails = Arrays.asList(appended.substring("From ".length()).split("\nFrom "));
		assertThat(mails).hasSize(DayOfNewData.MAILS);
		Session session = Session.getInstance(new Properties());
		Set<String> placedOrders = placedOrders(1);
		int notices = 0;
		int restrictions = 0;
		for (String mbox : mails) {
			String mail = mbox.substring(mbox.indexOf('\n') + 1);
			MimeMessage message = new MimeMessage(session,
					new ByteArrayInputStream(mail.getBytes(StandardCharsets.ISO_8859_1)));
			String text = text(message);
			assertThat(message.getMessageID()).isNotNull()
				.as("a new Message-ID")
				.satisfies(id -> assertThat(generated).doesNotContain("Message-ID: " + id + "\n"));
			assertThat(message.getSentDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(DAY);
			if (message.getMessageID().startsWith("<optout-")) {
				Matcher orderId = ORDER_ID.matcher(text);
				assertThat(orderId.find()).as(text).isTrue();
				notices += placedOrders.contains(orderId.group()) ? 1 : 0;
			}
			restrictions += message.getMessageID().startsWith("<restriction-") ? 1 : 0;
		}
		assertThat(notices).isGreaterThanOrEqualTo(DayOfNewData.MAILS / 10);
		assertThat(restrictions).isGreaterThanOrEqualTo(1);
	}

	/** The ids of the reports' orders and of those placed up to the given day. */
	private static Set<String> placedOrders(int day) {
		SyntheticSeller seller = new SyntheticSeller(SEED, Scale.T);
		Set<String> ids = new HashSet<>();
		for (int n = 0; n < seller.orders(); n++) {
			ids.add(seller.orderId(n));
		}
		for (int n = seller.firstOrderOfDay(1); n < seller.endOrderOfDay(day); n++) {
			ids.add(seller.orderId(n));
		}
		return ids;
	}

	/** The decoded text of every part, forwarded messages included. */
	private static String text(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		if (content instanceof Part message) {
			return text(message);
		}
		return content instanceof String text ? text : "";
	}

	private Path orders(String report) {
		return workspace.resolve("input/orders").resolve(report);
	}

	/** The order ids of a report's first column. */
	private static Set<String> orderIds(Path report) throws IOException {
		try (Stream<String> lines = Files.lines(report, StandardCharsets.ISO_8859_1)) {
			return lines.skip(1)
				.map(line -> line.substring(0, line.indexOf('\t')))
				.filter(OrderIds::isOrderId)
				.collect(Collectors.toSet());
		}
	}

	private static String firstLine(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String text = new String(bytes, StandardCharsets.UTF_8);
		return text.substring(0, text.indexOf('\n') + 1);
	}

	private static List<CSVRecord> records(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setSkipHeaderRecord(true).setHeader().get().parse(in).getRecords();
		}
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
