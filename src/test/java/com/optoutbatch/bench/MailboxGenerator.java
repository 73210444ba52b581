package com.optoutbatch.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import jakarta.mail.internet.MimeUtility;

import com.optoutbatch.bench.SyntheticSeller.Site;

/**
 * Writes {@code input/mailbox/}: the seller's inbox as an mbox and last month's archive
 * as a gzipped mbox. A tenth of the mail is Amazon's opt-out notice, in every language
 * and shape the detector knows (plain, quoted-printable with a soft break inside the
 * order id, HTML in base64, multipart/alternative, ISO-2022-JP, forwarded inline and as
 * an attachment); the rest is the mail that looks like it and is not, and ordinary mail.
 * About one in a hundred is hostile and must be rejected (more header lines than the cap
 * allows).
 */
final class MailboxGenerator {

	static final double NOTICES = 0.10;

	static final double HOSTILE = 0.01;

	/** The inbox's dump, which grows as mail comes in. */
	static final String INBOX = "seller-inbox-2026-11.mbox";

	/** The key sentence of the notice in each language, {@code %s} for the order id. */
	private static final Map<String, String> KEY_SENTENCES = Map.of("en",
			"We were unable to deliver the message you sent for order [%s] because the buyer has chosen to opt out of receiving unsolicited messages from sellers.",
			"de",
			"wir konnten die Nachricht, die Sie für die Bestellung [%s] gesendet haben, nicht zustellen, weil der Käufer die Annahme unerwünschter Nachrichten von Verkäufern deaktiviert hat.",
			"fr",
			"Nous n'avons pas pu remettre le message que vous avez envoyé pour la commande [%s] car l'acheteur a choisi de ne pas recevoir de messages non sollicités de la part des vendeurs.",
			"it",
			"non è stato possibile consegnare il messaggio inviato per l'ordine [%s] perché l'acquirente ha scelto di non ricevere messaggi non richiesti dai venditori.",
			"es",
			"No hemos podido entregar el mensaje que enviaste para el pedido [%s] porque el comprador ha decidido no recibir mensajes no solicitados de los vendedores.",
			"pt",
			"Não foi possível entregar a mensagem enviada para o pedido [%s] porque o comprador optou por não receber mensagens não solicitadas de vendedores.",
			"ja", "注文番号[%s]について送信されたメッセージは、購入者が出品者からの未承諾メッセージの受信を拒否しているため、配信できませんでした。");

	private static final Map<String, String> SUBJECTS = Map.of("en", "Your message to a buyer could not be delivered",
			"de", "Ihre Nachricht an einen Käufer konnte nicht zugestellt werden", "fr",
			"Votre message à un acheteur n'a pas pu être remis", "it",
			"Non è stato possibile consegnare il tuo messaggio a un acquirente", "es",
			"No se ha podido entregar tu mensaje a un comprador", "pt", "Sua mensagem não foi entregue", "ja",
			"購入者へのメッセージを配信できませんでした");

	private static final Map<String, String> GREETINGS = Map.of("en", "Dear Seller,", "de", "Sehr geehrter Verkäufer,",
			"fr", "Bonjour,", "it", "Gentile venditore,", "es", "Estimado vendedor:", "pt", "Prezado vendedor,", "ja",
			"出品者様");

	private static final String CRITICAL_NOTE = "You can still send messages that are critical to completing the order, such as questions about product customization, delivery scheduling or issues with a shipping address.";

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx",
			Locale.ENGLISH);

	private static final DateTimeFormatter ENVELOPE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy",
			Locale.ENGLISH);

	private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final SyntheticSeller seller;

	private final long seed;

	MailboxGenerator(SyntheticSeller seller, long seed) {
		this.seller = seller;
		this.seed = seed;
	}

	/**
	 * @return the mails written
	 */
	long write(Path mailbox, int mails) throws IOException {
		Files.createDirectories(mailbox);
		int archived = mails / 5;
		LocalDateTime exported = SyntheticSeller.EXPORT_DAY.atStartOfDay();
		try (OutputStream inbox = new BufferedOutputStream(Files.newOutputStream(mailbox.resolve(INBOX)), 1 << 16)) {
			writeMails(inbox, 0, mails - archived, exported, new Random(seed * 31 + 1), this::mail);
		}
		// GZIPOutputStream writes no file time into its header: the bytes depend on the
		// content only
		try (OutputStream archive = new GZIPOutputStream(
				new BufferedOutputStream(Files.newOutputStream(mailbox.resolve("archive-2026-10.mbox.gz")), 1 << 16),
				1 << 16)) {
			writeMails(archive, mails - archived, mails, exported, new Random(seed * 31 + 2), this::mail);
		}
		return mails;
	}

	/**
	 * Appends the mail of the given day after the export day to the inbox, as the next
	 * dump of a mailbox that only grows does: mails numbered from {@code firstMail},
	 * every tenth an opt-out notice for an order the seller has by then, one a
	 * restriction notice, the rest the mix of the inbox.
	 * @return the mails appended
	 */
	long appendDay(Path mailbox, int day, int firstMail, int mails) throws IOException {
		try (OutputStream inbox = new BufferedOutputStream(
				Files.newOutputStream(mailbox.resolve(INBOX), StandardOpenOption.APPEND), 1 << 16)) {
			writeMails(inbox, firstMail, firstMail + mails, SyntheticSeller.EXPORT_DAY.plusDays(day + 1).atStartOfDay(),
					new Random(seed * 31 + 2 + day), (i, date, random) -> {
						int k = i - firstMail;
						if (k % 10 == 0) {
							return optOutNotice(i, seller.placedOrder(day, random), date, random);
						}
						return k == mails / 2 ? restrictionNotice(i, date) : mail(i, date, random);
					});
		}
		return mails;
	}

	/** Mail {@code i} of a mailbox, sent at {@code date}. */
	private interface Mail {

		String of(int i, OffsetDateTime date, Random random) throws UnsupportedEncodingException;

	}

	/**
	 * Mails {@code from} to {@code to}, the last one sent shortly before {@code until}.
	 */
	private void writeMails(OutputStream out, int from, int to, LocalDateTime until, Random random, Mail mails)
			throws IOException {
		for (int i = from; i < to; i++) {
			OffsetDateTime date = until.atOffset(ZoneOffset.UTC)
				.minusSeconds((long) (to - i) * 97 + random.nextInt(60));
			String mail = mails.of(i, date, random);
			String envelope = "From " + (1_786_543_210_000_000_000L + i) + "@xxx " + date.format(ENVELOPE) + "\n";
			// mbox quotes body lines that would read as a separator
			out.write(envelope.getBytes(StandardCharsets.US_ASCII));
			out.write(mail.replace("\nFrom ", "\n>From ").getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
	}

	private String mail(int i, OffsetDateTime date, Random random) throws UnsupportedEncodingException {
		double pick = random.nextDouble();
		if (pick < NOTICES) {
			// nine in ten name an order the reports hold
			return optOutNotice(i, random.nextInt(seller.orders() + seller.orders() / 9 + 1), date, random);
		}
		if (pick < NOTICES + HOSTILE) {
			return hostile(i, date);
		}
		if (pick < 0.113) {
			return restrictionNotice(i, date);
		}
		if (pick < 0.12) {
			return lookalike(i, date, random);
		}
		if (pick < 0.20) {
			return sentMessageCopy(i, date, random);
		}
		if (pick < 0.30) {
			return orderNotification(i, date, random);
		}
		if (pick < 0.38) {
			return buyerMessage(i, date, random);
		}
		if (pick < 0.40) {
			return bounce(i, date);
		}
		return ordinaryMail(i, date, random);
	}

	// ---- opt-out notices
	// ---------------------------------------------------------------

	private String optOutNotice(int i, int n, OffsetDateTime date, Random random) throws UnsupportedEncodingException {
		Site site = seller.isPlaced(n) ? seller.site(n) : Site.US;
		String language = random.nextInt(20) == 0 ? "pt" : site.language();
		String domain = language.equals("pt") ? "amazon.com.br" : site.domain;
		String orderId = seller.orderId(n);
		String text = GREETINGS.get(language) + "\n\n" + KEY_SENTENCES.get(language).formatted(orderId) + "\n\n"
				+ (language.equals("en") ? CRITICAL_NOTE + "\n\n" : "") + "Amazon Seller Support\n";
		String subject = SUBJECTS.get(language);
		String from = "Amazon <auto-communication@" + domain + ">";
		String messageId = "<optout-" + i + "@" + domain + ">";
		int shape = language.equals("ja") ? random.nextInt(3) == 0 ? 2 : 4 : random.nextInt(7);
		return switch (shape) {
			case 0 -> headers(from, encodedSubject(subject, "UTF-8", "Q"), date, messageId,
					"X-Space-Notification-Type: BuyerOptOut\n")
					+ singlePart("text/plain; charset=UTF-8", ascii(text), text);
			case 1 -> headers(from, encodedSubject(subject, "ISO-8859-1", "Q"), date, messageId, "")
					+ singlePart("text/plain; charset=ISO-8859-1", "quoted-printable",
							quotedPrintable(text, charsetFor(language, LATIN_1), orderId));
			case 2 -> headers(from, encodedSubject(subject, "UTF-8", "B"), date, messageId, "") + singlePart(
					"text/html; charset=UTF-8", "base64", base64(html(text).getBytes(StandardCharsets.UTF_8)));
			case 3 -> headers(from, encodedSubject(subject, "UTF-8", "Q"), date, messageId, "")
					+ alternative("alt-" + i, text, charsetFor(language, WINDOWS_1252), orderId);
			case 4 -> headers(from, encodedSubject(subject, "ISO-2022-JP", "B"), date, messageId, "")
					+ singlePart("text/plain; charset=ISO-2022-JP", "7bit",
							new String(text.getBytes(Charset.forName("ISO-2022-JP")), StandardCharsets.US_ASCII));
			case 5 -> forwardedInline(i, date, from, subject, text);
			default -> forwardedAsAttachment(i, date, from, subject, messageId, text);
		};
	}

	private static String forwardedInline(int i, OffsetDateTime date, String from, String subject, String text)
			throws UnsupportedEncodingException {
		String body = "Please add this buyer to the unsubscribe lists.\n\n---------- Forwarded message ---------\nFrom: "
				+ from + "\nDate: " + date.minusHours(1).format(RFC_822) + "\nSubject: " + subject
				+ "\nTo: <seller@example-shop.com>\n\n" + text;
		return headers("Shop Owner <seller@example-shop.com>", encodedSubject("Fwd: " + subject, "UTF-8", "Q"), date,
				"<fwd-" + i + "@mail.example-shop.com>", "") + singlePart("text/plain; charset=UTF-8", "8bit", body);
	}

	private static String forwardedAsAttachment(int i, OffsetDateTime date, String from, String subject,
			String messageId, String text) throws UnsupportedEncodingException {
		String boundary = "fwd-mixed-" + i;
		String original = headers(from, encodedSubject(subject, "UTF-8", "Q"), date.minusHours(2), messageId, "")
				+ singlePart("text/plain; charset=UTF-8", "base64", base64(text.getBytes(StandardCharsets.UTF_8)));
		return headers("Mail Rule <rules@example-shop.com>", encodedSubject("FW: " + subject, "UTF-8", "Q"), date,
				"<rule-" + i + "@mail.example-shop.com>", "") + "Content-Type: multipart/mixed; boundary=\"" + boundary
				+ "\"\n\n--" + boundary + "\nContent-Type: text/plain; charset=UTF-8\n\nForwarded by a mail rule.\n\n--"
				+ boundary + "\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n" + original + "\n--"
				+ boundary + "--\n";
	}

	private static String alternative(String boundary, String text, Charset charset, String orderId) {
		return "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\n\n--" + boundary
				+ "\nContent-Type: text/plain; charset=" + charset.name()
				+ "\nContent-Transfer-Encoding: quoted-printable\n\n" + quotedPrintable(text, charset, orderId) + "\n--"
				+ boundary + "\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
				+ quotedPrintable(html(text), StandardCharsets.UTF_8, null) + "\n--" + boundary + "--\n";
	}

	// ---- what looks like a notice and is not
	// -------------------------------------------

	private static String restrictionNotice(int i, OffsetDateTime date) {
		return headers("Amazon Seller Central <seller-notification@amazon.com>",
				"Your proactive messaging permissions have been restricted", date, "<restriction-" + i + "@amazon.com>",
				"")
				+ singlePart("text/plain; charset=UTF-8", "7bit",
						"Dear Seller,\n\nSome of the messages you recently sent were "
								+ "not delivered to customers because they did not comply with our guidelines.\n\nAmazon Seller Support\n");
	}

	private String lookalike(int i, OffsetDateTime date, Random random) {
		String orderId = seller.orderId(random.nextInt(seller.orders()));
		return headers("Amazon Support <auto-communication@amazon-seller-alerts.example>",
				"Your message to a buyer could not be delivered", date,
				"<phish-" + i + "@amazon-seller-alerts.example>", "")
				+ singlePart("text/plain; charset=UTF-8", "7bit", "Dear Seller,\n\n"
						+ KEY_SENTENCES.get("en").formatted(orderId)
						+ "\n\nVerify your account within 24 hours: http://amazon-seller-alerts.example/verify\n");
	}

	private String sentMessageCopy(int i, OffsetDateTime date, Random random) {
		int n = random.nextInt(seller.orders());
		String orderId = seller.orderId(n);
		return headers("Amazon <donotreply@" + seller.site(n).domain + ">",
				"Sent message to buyer (Order: " + orderId + ")", date, "<copy-" + i + "@amazon.com>", "")
				+ singlePart("text/plain; charset=UTF-8", "7bit",
						"Here is a copy of the e-mail you sent to " + seller.alias(n) + ".\n\nOrder ID: " + orderId
								+ "\n\n-----\nHello,\n\nthank you for your order " + orderId
								+ ". We would love to hear what you think.\n");
	}

	private String orderNotification(int i, OffsetDateTime date, Random random) {
		int n = random.nextInt(seller.orders());
		String orderId = seller.orderId(n);
		String html = "<html><body><h2>Sold, ship now</h2><p>Order ID: " + orderId
				+ "</p><p>Please ship this order using "
				+ "Standard shipping.</p><table><tr><td>Quantity</td><td>1</td></tr><tr><td>Item</td><td>Ceramic Mug 12 oz</td></tr>"
				+ "</table><p>Ship by: " + date.plusDays(2).toLocalDate() + "</p></body></html>";
		return headers("Amazon Seller Central <seller-notification@" + seller.site(n).domain + ">",
				"Sold, ship now: " + orderId, date, "<sold-" + i + "@amazon.com>", "")
				+ singlePart("text/html; charset=UTF-8", "quoted-printable",
						quotedPrintable(html, StandardCharsets.UTF_8, null));
	}

	private String buyerMessage(int i, OffsetDateTime date, Random random) {
		int n = random.nextInt(seller.orders());
		return headers("Buyer <" + seller.alias(n) + ">", "Question about order " + seller.orderId(n), date,
				"<buyer-" + i + "@marketplace.amazon.com>", "")
				+ singlePart("text/plain; charset=UTF-8", "7bit", "Hello,\n\nwhen will my order " + seller.orderId(n)
						+ " arrive? I need it before the weekend.\n\nThanks\n");
	}

	private static String bounce(int i, OffsetDateTime date) {
		String boundary = "dsn-" + i;
		return headers("Mail Delivery System <MAILER-DAEMON@mail.example-shop.com>",
				"Undelivered Mail Returned to Sender", date, "<dsn-" + i + "@mail.example-shop.com>", "")
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\n\n--"
				+ boundary
				+ "\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mail.example-shop.com.\n"
				+ "I'm sorry to have to inform you that your message could not be delivered.\n\n--" + boundary
				+ "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example-shop.com\n\n"
				+ "Final-Recipient: rfc822; old-supplier@example.net\nAction: failed\nStatus: 5.1.1\n\n--" + boundary
				+ "--\n";
	}

	private static String hostile(int i, OffsetDateTime date) {
		// more header lines than the cap (1000): the scanner must reject it, not choke on
		// it
		StringBuilder headers = new StringBuilder(40_000);
		for (int hop = 0; hop < 1_100; hop++) {
			headers.append("X-Trace-Hop: relay").append(hop).append(".example.net\n");
		}
		return headers("Unknown <noreply@bulk-mailer.example>", "You have won", date,
				"<hostile-" + i + "@bulk-mailer.example>", headers.toString())
				+ singlePart("text/plain; charset=UTF-8", "7bit", "Click here.\n");
	}

	// ---- ordinary mail
	// -------------------------------------------------------------------

	private static String ordinaryMail(int i, OffsetDateTime date, Random random) {
		if (random.nextInt(10) < 6) {
			String boundary = "news-" + i;
			StringBuilder html = new StringBuilder("<html><body><h1>Autumn news from your supplier</h1>");
			for (int p = 0; p < 8; p++) {
				html.append(
						"<p>New ceramics, teas and kitchen tools are in stock. Order before the holidays to get your ")
					.append("shelves ready. Wholesale prices for repeat partners, item ")
					.append(p)
					.append(".</p>");
			}
			html.append("</body></html>");
			return headers("Supplier News <news@supplier.example>", "Autumn news " + i, date,
					"<news-" + i + "@supplier.example>", "List-Unsubscribe: <mailto:unsubscribe@supplier.example>\n")
					+ "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\n\n--" + boundary
					+ "\nContent-Type: text/plain; charset=UTF-8\n\nNew ceramics, teas and kitchen tools are in stock.\n\n--"
					+ boundary
					+ "\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
					+ quotedPrintable(html.toString(), StandardCharsets.UTF_8, null) + "\n--" + boundary + "--\n";
		}
		if (random.nextInt(4) == 0) {
			// an invoice with a PDF: the bulk of a mailbox's bytes
			String boundary = "inv-" + i;
			byte[] pdf = new byte[6_000 + random.nextInt(12_000)];
			random.nextBytes(pdf);
			return headers("Accounts <billing@freight.example>", "Invoice " + (40_000 + i), date,
					"<inv-" + i + "@freight.example>", "") + "Content-Type: multipart/mixed; boundary=\"" + boundary
					+ "\"\n\n--" + boundary
					+ "\nContent-Type: text/plain; charset=UTF-8\n\nPlease find your invoice attached.\n\n--" + boundary
					+ "\nContent-Type: application/pdf; name=\"invoice.pdf\"\nContent-Disposition: attachment; filename=\"invoice.pdf\""
					+ "\nContent-Transfer-Encoding: base64\n\n" + base64(pdf) + "\n--" + boundary + "--\n";
		}
		return headers("Team <team@example-shop.com>", "Re: packing schedule", date,
				"<team-" + i + "@example-shop.com>", "")
				+ singlePart("text/plain; charset=UTF-8", "7bit",
						"Hi,\n\nthe pallets go out on Thursday; From now on we pack "
								+ "in the morning.\n\nFrom the warehouse, with thanks\n");
	}

	// ---- MIME pieces
	// -------------------------------------------------------------------

	private static String headers(String from, String subject, OffsetDateTime date, String messageId, String more) {
		return "From: " + from + "\nTo: seller@example-shop.com\nSubject: " + subject + "\nDate: "
				+ date.format(RFC_822) + "\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n" + more;
	}

	private static String singlePart(String contentType, String encoding, String body) {
		return "Content-Type: " + contentType + "\nContent-Transfer-Encoding: " + encoding + "\n\n" + body
				+ (body.endsWith("\n") ? "" : "\n");
	}

	private static String encodedSubject(String subject, String charset, String encoding)
			throws UnsupportedEncodingException {
		return "7bit".equals(ascii(subject)) ? subject : MimeUtility.encodeText(subject, charset, encoding);
	}

	private static String ascii(String text) {
		return text.chars().allMatch(c -> c < 128) ? "7bit" : "8bit";
	}

	private static Charset charsetFor(String language, Charset western) {
		return language.equals("ja") ? StandardCharsets.UTF_8 : western;
	}

	private static String html(String text) {
		return "<html><body><p>"
				+ text.replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "</p><p>").replace("\n", "<br>")
				+ "</p></body></html>";
	}

	private static String base64(byte[] bytes) {
		return Base64.getMimeEncoder(76, new byte[] { '\n' }).encodeToString(bytes);
	}

	/**
	 * Quoted-printable with soft breaks at 76 columns; when {@code splitInside} is given,
	 * a soft break is also put in the middle of it, as mail servers do to order ids.
	 */
	static String quotedPrintable(String text, Charset charset, String splitInside) {
		StringBuilder out = new StringBuilder(text.length() * 2);
		int column = 0;
		int split = splitInside == null ? -1 : text.indexOf(splitInside) + splitInside.length() / 2;
		for (int c = 0; c < text.length(); c++) {
			if (c == split) {
				out.append("=\n");
				column = 0;
			}
			char ch = text.charAt(c);
			if (ch == '\n') {
				out.append('\n');
				column = 0;
				continue;
			}
			String encoded;
			if (ch >= 33 && ch <= 126 && ch != '='
					|| ch == ' ' && c + 1 < text.length() && text.charAt(c + 1) != '\n') {
				encoded = String.valueOf(ch);
			}
			else {
				StringBuilder hex = new StringBuilder();
				for (byte b : String.valueOf(ch).getBytes(charset)) {
					hex.append('=').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
				}
				encoded = hex.toString();
			}
			if (column + encoded.length() > 75) {
				out.append("=\n");
				column = 0;
			}
			out.append(encoded);
			column += encoded.length();
		}
		return out.toString();
	}

}
