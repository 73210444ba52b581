package com.optoutbatch.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.optoutbatch.support.TestWorkspace;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest and the alerts of real nights on the sample workspace, received by a real
 * SMTP server (GreenMail, with authentication) and a chat webhook (the JDK's
 * {@code HttpServer}); a server that refuses, and the outbox the next run sends.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotifyJobTests extends LaunchJobTestSupport {

	static final LocalDate NIGHT = LocalDate.of(2026, 11, 26);

	static final String PASSWORD = "Gr33n-Mail-S3cret";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int SMTP_PORT = freePort();

	static GreenMail smtp = startSmtp();

	static final List<String> webhookBodies = new CopyOnWriteArrayList<>();

	static final AtomicInteger webhookStatus = new AtomicInteger(200);

	static final HttpServer webhook = startWebhook();

	@DynamicPropertySource
	static void notifications(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.username", () -> "optout");
		registry.add("spring.mail.password", () -> PASSWORD);
		registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
		registry.add("optout.notify.to", () -> "seller@shop.example,ops@shop.example");
		registry.add("optout.notify.from", () -> "optout-batch@shop.example");
		registry.add("optout.notify.webhook",
				() -> "http://localhost:" + webhook.getAddress().getPort() + "/hooks/T000/B000/XXXXSECRETXXXX");
		registry.add("optout.notify.retries", () -> "2");
		registry.add("optout.notify.retry-delay", () -> "20ms");
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		webhook.stop(0);
	}

	@BeforeEach
	void sampleWorkspace() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.sampleOnly(workspace, jdbc);
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
		webhookBodies.clear();
		webhookStatus.set(200);
	}

	@Test
	void theSampleNightsDigestHasItsStateInTheSubjectBothPartsTheReportAttachedAndMaskedAliases() throws Exception {
		assertThat(launchWith("nightly", "run.date=" + NIGHT)).isEqualTo(ExitCode.COMPLETED);

		MimeMessage digest = received("optout-batch " + NIGHT + ":");
		assertThat(digest.getSubject())
			.isEqualTo("optout-batch 2026-11-26: 1 restriction notice, 14 new opt-outs, 13 violations");
		assertThat(Arrays.stream(digest.getAllRecipients()).map(Object::toString))
			.containsExactly("seller@shop.example", "ops@shop.example");
		assertThat(digest.getFrom()[0].toString()).isEqualTo("optout-batch@shop.example");
		List<Part> parts = parts(digest);
		Part alternative = parts.stream()
			.filter(part -> type(part).startsWith("multipart/alternative"))
			.findFirst()
			.orElseThrow();
		List<Part> bodies = parts(alternative).subList(1, 3);
		assertThat(bodies).extracting(NotifyJobTests::type)
			.containsExactly("text/plain; charset=UTF-8", "text/html;charset=UTF-8");
		String text = (String) bodies.get(0).getContent();
		String html = (String) bodies.get(1).getContent();
		assertThat(text).contains("RESTRICTION NOTICES (1)", "NEW OPT-OUTS (14)", "MESSAGES THAT BROKE THE RULES (13)",
				"CAMPAIGN LISTS CLEANED (5 of 6)", "INPUTS THAT COULD NOT BE READ (2)",
				"reconcileCampaigns product-catalog.csv: no order id or alias column");
		// restriction notices first
		assertThat(text.indexOf("RESTRICTION NOTICES")).isLessThan(text.indexOf("NEW OPT-OUTS"));
		assertThat(html.indexOf("id=\"restrictions\"")).isLessThan(html.indexOf("id=\"new-opt-outs\""));
		// no remote images or styles
		assertThat(html).doesNotContainPattern("(?i)<img|src=\"http|href=\"http|@import");
		assertThat(text + html).contains("3x***bn@marketplace.amazon.com")
			.doesNotContain("3xq7m2kd9fz4tbn@marketplace.amazon.com");
		assertThat(raw(digest)).doesNotContain("3xq7m2kd9fz4tbn");

		// text travels with CRLF line ends
		String report = lines(attachment(parts, "compliance-report-2026-11-26.html"));
		assertThat(report.equals(Files.readString(workspace.output("reports", NIGHT.toString(), "index.html"))))
			.as("the attached report is the report's page")
			.isTrue();
		String violations = lines(attachment(parts, "violations-2026-11-26.csv"));
		assertThat(violations.equals(Files.readString(workspace.output("reports", NIGHT.toString(), "violations.csv"))))
			.as("the attached violations.csv is the report's")
			.isTrue();

		Files.writeString(Path.of("target", "notify-sample-digest.txt"),
				"Subject: " + digest.getSubject() + "\n\n" + text);
		assertThat(notifyRecord(NIGHT)).extracting(delivery -> delivery.get("outcome").asString()).containsOnly("sent");
	}

	@Test
	void aRestrictionNoticeSendsAnAlertWithTheCauseAndWhatToDo() throws Exception {
		launchWith("nightly", "run.date=" + NIGHT);

		MimeMessage alert = received("optout-batch ALERT");
		assertThat(alert.getSubject())
			.isEqualTo("optout-batch ALERT 2026-11-26: Amazon restricted proactive messages on amazon.com");
		assertThat(alert.getHeader("Importance")).containsExactly("high");
		String text = (String) parts(alert).stream()
			.filter(part -> type(part).startsWith("text/plain"))
			.findFirst()
			.orElseThrow()
			.getContent();
		assertThat(text).contains("What happened", "1 restriction notice from Amazon",
				"amazon.com, noticed 2026-11-20 15:00 UTC", "What to do", "1. Pause every non-critical campaign");
		// the alert goes out before the digest
		assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("optout-batch ALERT");
	}

	@Test
	void theWebhookGetsTheSameSummaryAsJsonText() throws Exception {
		launchWith("nightly", "run.date=" + NIGHT);

		assertThat(webhookBodies).hasSize(2);
		JsonNode digest = JSON.readTree(webhookBodies.get(1));
		assertThat(digest.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("text");
		assertThat(digest.get("text").asString())
			.startsWith("optout-batch 2026-11-26: 1 restriction notice, 14 new opt-outs, 13 violations\n")
			.contains("Restriction notice: amazon.com, 2026-11-20 15:00 UTC", "14 new opt-outs",
					"5 campaign lists cleaned", "Report: output/reports/2026-11-26/index.html");
		assertThat(JSON.readTree(webhookBodies.get(0)).get("text").asString()).startsWith("optout-batch ALERT");
	}

	@Test
	void inputTextStaysEscapedInTheHtmlAndInTheChatText() throws Exception {
		Files.writeString(workspace.input("messages").resolve("hostile.csv"),
				"""
						message_id,order_id,recipient,subject,body,sent_at,tool
						h-1,171-9999999-0000001,,<script>alert(1)</script>,"Please leave a review and get a coupon! 171-9999999-0000001",2026-11-20T10:00:00Z,<script>alert(1)</script>
						""");

		launchWith("nightly", "run.date=" + NIGHT);

		MimeMessage digest = received("optout-batch " + NIGHT + ":");
		String html = (String) parts(digest).stream()
			.filter(part -> type(part).startsWith("text/html"))
			.findFirst()
			.orElseThrow()
			.getContent();
		assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		String chat = JSON.readTree(webhookBodies.get(webhookBodies.size() - 1)).get("text").asString();
		assertThat(chat).doesNotContain("<");
	}

	@Test
	void aFailedNightKeepsItsExitCodeAndSaysSoInTheSubjectAndAnAlert() throws Exception {
		Files.createDirectories(workspace.output("rejects", "reconcileCampaigns", "generic",
				"review-requests-nov.csv.rejects.csv", "in-the-way"));

		assertThat(launchWith("nightly", "run.date=" + NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(subjects()).containsExactly("optout-batch ALERT 2026-11-26: the nightly run FAILED",
				"optout-batch 2026-11-26 FAILED: reconcileCampaigns: Directory not empty writing "
						+ "output/rejects/reconcileCampaigns/generic/review-requests-nov.csv.rejects.csv");
	}

	@Test
	void aNightWhoseOptOutSourcesCouldNotAllBeReadSendsAnAlertAndKeepsExitCode5() throws Exception {
		Files.write(workspace.input("optouts").resolve("blacklist.csv"), new byte[] { 0, 1, 2, 3, 0, 0, 7, 0 });

		assertThat(launchWith("nightly", "run.date=" + NIGHT)).isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE);

		assertThat(subjects()).contains("optout-batch ALERT 2026-11-26: opt-out sources could not be read whole")
			.anyMatch(subject -> subject.startsWith(
					"optout-batch 2026-11-26 INCOMPLETE: 1 opt-out source NOT READ WHOLE, 1 restriction notice"));
		MimeMessage alert = received("optout-batch ALERT 2026-11-26: opt-out");
		assertThat(raw(alert)).contains("blacklist.csv (not a text file");
	}

	@Test
	void aServerThatRefusesLeavesTheNightsExitCodeAndTheOutboxKeepsTheNoticesForTheNextRun(CapturedOutput output)
			throws Exception {
		smtp.stop();
		webhookStatus.set(503);

		assertThat(launchWith("nightly", "run.date=" + NIGHT)).isEqualTo(ExitCode.COMPLETED);

		List<Path> kept = outbox();
		assertThat(kept).extracting(file -> file.getFileName().toString())
			.anyMatch(name -> name.endsWith("-2026-11-26-digest.eml"))
			.anyMatch(name -> name.endsWith("-2026-11-26-digest.json"))
			.anyMatch(name -> name.endsWith("-2026-11-26-alert-restriction-notice.eml"))
			.hasSize(4);
		assertThat(webhookBodies).hasSize(6);
		assertThat(notifyRecord(NIGHT)).allSatisfy(delivery -> {
			assertThat(delivery.get("outcome").asString()).isEqualTo("kept in outbox");
			assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		});
		assertThat(output).contains("optout-batch: notice: the digest of 2026-11-26 could not be sent")
			.contains("kept in output/notify/outbox/")
			.doesNotContain(PASSWORD)
			.doesNotContain("XXXXSECRETXXXX");
		assertThat(Files.readString(workspace.output("runs", NIGHT.toString(), "notify.json"))).doesNotContain(PASSWORD)
			.doesNotContain("XXXXSECRETXXXX");
		for (Path file : kept) {
			assertThat(Files.readString(file)).doesNotContain(PASSWORD).doesNotContain("XXXXSECRETXXXX");
		}

		smtp = startSmtp();
		webhookStatus.set(200);
		webhookBodies.clear();
		assertThat(launchWith("nightly", "run.date=" + NIGHT.plusDays(1))).isEqualTo(ExitCode.COMPLETED);

		assertThat(outbox()).isEmpty();
		List<String> subjects = subjects();
		// the kept alert and digest first, then the new night's
		assertThat(subjects.subList(0, 2)).containsExactly(
				"optout-batch ALERT 2026-11-26: Amazon restricted proactive messages on amazon.com",
				"optout-batch 2026-11-26: 1 restriction notice, 14 new opt-outs, 13 violations");
		assertThat(subjects.get(subjects.size() - 1)).startsWith("optout-batch 2026-11-27:");
		assertThat(JSON.readTree(webhookBodies.get(0)).get("text").asString())
			.startsWith("optout-batch ALERT 2026-11-26");
		assertThat(notifyRecord(NIGHT.plusDays(1)))
			.anyMatch(delivery -> delivery.get("notice").asString().startsWith("outbox ")
					&& delivery.get("outcome").asString().equals("sent"));
	}

	@Test
	void theNotifyCommandSendsThePastNightsDigestAgainToWhomItNamesAndATestMessage() throws Exception {
		launchWith("nightly", "run.date=" + NIGHT);
		smtp.purgeEmailFromAllMailboxes();
		webhookBodies.clear();

		assertThat(notify("notify", "run.date=" + NIGHT, "to=accountant@shop.example")).isEqualTo(ExitCode.COMPLETED);
		MimeMessage again = received("optout-batch " + NIGHT + ":");
		assertThat(Arrays.stream(again.getAllRecipients()).map(Object::toString))
			.containsExactly("accountant@shop.example");
		assertThat(subjects()).hasSize(1);
		assertThat(webhookBodies).isEmpty();

		assertThat(notify("notify", "notify.test=true")).isEqualTo(ExitCode.COMPLETED);
		assertThat(subjects()).contains("optout-batch: test message");
		assertThat(webhookBodies).hasSize(1);

		assertThat(notify("notify", "run.date=2026-01-01")).isEqualTo(ExitCode.FAILED);
	}

	@Test
	void theSchedulersMissedRunAlertSaysWhatItFoundAndWhatToDo() throws Exception {
		assertThat(notify("notify", "run.date=2026-11-25", "alert=missed-run")).isEqualTo(ExitCode.COMPLETED);

		MimeMessage alert = received("optout-batch ALERT 2026-11-25: the nightly run did not run");
		assertThat(raw(alert)).contains("No nightly run for 2026-11-25 ran, though the schedule called for one.",
				"scripts/run-job.sh nightly run.date=2026-11-25");
	}

	private ExitCode notify(String... args) {
		NotifyCommand command = new NotifyCommand(notifications);
		command.run(new DefaultApplicationArguments(args));
		int code = command.getExitCode();
		return Stream.of(ExitCode.values()).filter(exit -> exit.code() == code).findFirst().orElseThrow();
	}

	private List<Path> outbox() throws IOException {
		Path folder = workspace.output("notify", "outbox");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

	private List<JsonNode> notifyRecord(LocalDate night) {
		return JSON.readTree(workspace.output("runs", night.toString(), "notify.json").toFile()).valueStream().toList();
	}

	/**
	 * The subjects received, in order, each once (GreenMail keeps a copy per recipient).
	 */
	private static List<String> subjects() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (!subjects.contains(message.getSubject())) {
				subjects.add(message.getSubject());
			}
		}
		return subjects;
	}

	private static MimeMessage received(String subjectStart) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getSubject().startsWith(subjectStart)) {
				return message;
			}
		}
		throw new AssertionError("no message received whose subject starts with " + subjectStart + ": " + subjects());
	}

	private static List<Part> parts(Part part) throws Exception {
		List<Part> parts = new ArrayList<>();
		parts.add(part);
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				parts.addAll(parts(child));
			}
		}
		return parts;
	}

	private static Part attachment(List<Part> parts, String name) throws Exception {
		for (Part part : parts) {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && name.equals(part.getFileName())) {
				return part;
			}
		}
		throw new AssertionError("no attachment " + name);
	}

	private static String lines(Part part) throws Exception {
		return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
	}

	private static String type(Part part) {
		try {
			return part.getContentType().replaceAll("\\s+", " ");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message.writeTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
		server.setUser("optout-batch@shop.example", "optout", PASSWORD);
		server.start();
		return server;
	}

	private static HttpServer startWebhook() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/hooks/", exchange -> {
				try (InputStream in = exchange.getRequestBody()) {
					String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					if (exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
						webhookBodies.add(body);
					}
				}
				exchange.sendResponseHeaders(webhookStatus.get(), -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
