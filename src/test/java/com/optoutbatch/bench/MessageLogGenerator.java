package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;

/**
 * Writes {@code input/messages/}: sent-message logs in the generic layout and in two
 * tools' layouts, with messages of every policy category in the buyers' languages,
 * multi-line bodies, a few exported twice, and a few percent of broken records.
 */
final class MessageLogGenerator {

	static final double BROKEN_RECORDS = 0.02;

	/** What a message is about; the templates below say it in each language. */
	enum Topic {

		REVIEW, REVIEW_INCENTIVE, SHIPPED, DELIVERY_SCHEDULING, CUSTOMIZATION, ADDRESS, MARKETING, THANKS

	}

	/** A subject and a body, {@code %s} standing for the order id. */
	record Template(String subject, String body) {
	}

	private static final Map<String, Map<Topic, Template>> TEMPLATES = Map.of("en", Map.of(Topic.REVIEW, new Template(
			"How are you enjoying your order?",
			"Hello,\n\nthank you for your order %s. We would love to hear what you think: please leave a review on Amazon.\n\nSample Shop"),
			Topic.REVIEW_INCENTIVE,
			new Template("A small gift for you",
					"Hello,\n\nif you are happy with order %s, please leave us a 5-star review and we will send you a gift card.\n\nSample Shop"),
			Topic.SHIPPED,
			new Template("Your order %s has shipped",
					"Hello,\n\nyour order %s has shipped and is on its way. Tracking number: 1Z999AA10123456784.\n\nSample Shop"),
			Topic.DELIVERY_SCHEDULING,
			new Template("Additional Information Required",
					"Hello,\n\nyour order %s is delivered by a freight carrier. Please tell us a convenient date and time slot when someone will be home.\n\nSample Shop"),
			Topic.CUSTOMIZATION,
			new Template("Question about your engraving",
					"Hello,\n\nthank you for your order %s. Please reply with the name you would like engraved and the font (script or block).\n\nSample Shop"),
			Topic.ADDRESS,
			new Template("Additional Information Required",
					"Hello,\n\nthe shipping address of order %s is incomplete: the apartment number is missing. Please confirm your address.\n\nSample Shop"),
			Topic.MARKETING,
			new Template("20% off your next order",
					"Hello,\n\nthanks for order %s! Use code SAVE20 for 20%% off: http://sample-shop.example/sale\nFollow us on Instagram :)"),
			Topic.THANKS, new Template("Thank you!", "Thank you for your order %s!")), "de",
			Map.of(Topic.REVIEW, new Template("Ihre Meinung ist uns wichtig",
					"Guten Tag,\n\nvielen Dank für Ihre Bestellung %s. Wir freuen uns über eine Bewertung auf Amazon.\n\nMit freundlichen Grüßen"),
					Topic.SHIPPED,
					new Template("Ihre Bestellung %s wurde versandt",
							"Guten Tag,\n\nIhre Bestellung %s wurde heute versandt. Sendungsnummer: 00340434161094042557.\n\nMit freundlichen Grüßen"),
					Topic.DELIVERY_SCHEDULING,
					new Template("Liefertermin für Ihre Bestellung %s",
							"Guten Tag,\n\nIhre Bestellung %s wird per Spedition geliefert. Bitte nennen Sie uns einen Wunschtermin und ein Zeitfenster, an dem jemand anwesend ist.\n\nMit freundlichen Grüßen"),
					Topic.CUSTOMIZATION,
					new Template("Rückfrage zur Gravur",
							"Guten Tag,\n\nfür die Gravur Ihrer Bestellung %s benötigen wir noch den Wunschtext und die Schriftart.\n\nMit freundlichen Grüßen"),
					Topic.MARKETING,
					new Template("Ein Gutschein für Ihren nächsten Einkauf 🎁",
							"Hallo,\n\nsichern Sie sich 15 %% Rabatt mit dem Gutscheincode HERBST15 (Bestellung %s): http://sample-shop.example/herbst")),
			"fr",
			Map.of(Topic.REVIEW, new Template("Votre avis compte",
					"Bonjour,\n\nmerci pour votre commande %s. Pourriez-vous laisser un avis sur Amazon ?\n\nCordialement"),
					Topic.SHIPPED,
					new Template("Votre commande %s a été expédiée",
							"Bonjour,\n\nvotre commande %s a été expédiée. Numéro de suivi : 6A12345678901.\n\nCordialement"),
					Topic.CUSTOMIZATION,
					new Template("Votre gravure",
							"Bonjour,\n\npour la gravure de votre commande %s, merci de nous indiquer le texte souhaité.\n\nCordialement")),
			"it",
			Map.of(Topic.REVIEW, new Template("La tua opinione",
					"Buongiorno,\n\ngrazie per l'ordine %s. Ci lasci una recensione su Amazon?\n\nCordiali saluti"),
					Topic.DELIVERY_SCHEDULING,
					new Template("Appuntamento per la consegna",
							"Buongiorno,\n\nper l'ordine %s serve un appuntamento per la consegna: ci indichi una fascia oraria.\n\nCordiali saluti")),
			"es",
			Map.of(Topic.REVIEW, new Template("¿Qué te parece tu pedido?",
					"Hola,\n\ngracias por tu pedido %s. Nos encantaría conocer tu opinión: deja una reseña en Amazon.\n\nSaludos"),
					Topic.SHIPPED,
					new Template("Tu pedido ha sido enviado",
							"Hola,\n\ntu pedido %s ha sido enviado y está en camino. Número de seguimiento: ES123456789.")),
			"ja",
			Map.of(Topic.REVIEW, new Template("商品レビューのお願い", "この度はご購入ありがとうございます（注文番号 %s）。\nご満足いただけましたら、レビューをお願いいたします。"),
					Topic.DELIVERY_SCHEDULING,
					new Template("ご注文の配達日時について", "ご注文（注文番号 %s）の商品は大型商品のため、配達日時のご指定が必要です。\nご在宅の日と時間帯をご返信ください。"),
					Topic.SHIPPED, new Template("発送のお知らせ", "ご注文（注文番号 %s）の商品を本日発送いたしました。")));

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

	private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");

	private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final SyntheticSeller seller;

	private final long seed;

	MessageLogGenerator(SyntheticSeller seller, long seed) {
		this.seller = seller;
		this.seed = seed;
	}

	/**
	 * @return the message records written
	 */
	long write(Path messages, int count) throws IOException {
		int generic = count / 2;
		int feedbackWhiz = count * 3 / 10;
		int helium10 = count - generic - feedbackWhiz;
		genericLog(messages.resolve("sent-messages-2026-11.csv"), "m-", generic, this::afterPurchase);
		try (GeneratedFile file = GeneratedFile.create(messages.resolve("feedbackwhiz-email-logs-2026-11.csv"),
				StandardCharsets.UTF_8, true, true, seed)) {
			file.line(CSV.format("Email Log ID", "Amazon Order ID", "Buyer Email", "Email Subject", "Email Body",
					"Sent Date", "Template Name"));
			for (int i = 0; i < feedbackWhiz; i++) {
				Message message = message(file, this::afterPurchase);
				file.line(CSV.format("fw-" + (55_000 + i), message.orderId, message.recipient, message.subject,
						message.body, message.brokenDate ? "n/a" : message.sentAt.format(US_DATE),
						message.topic.name().toLowerCase(Locale.ROOT)));
			}
		}
		try (GeneratedFile file = GeneratedFile.create(messages.resolve("helium10-sent-emails-2026-11.csv"),
				StandardCharsets.UTF_8, false, false, seed)) {
			file.line(CSV.format("Order Number", "Customer Email", "Email Subject", "Sent On", "Email Content"));
			for (int i = 0; i < helium10; i++) {
				Message message = message(file, this::afterPurchase);
				file.line(CSV.format(message.orderId, message.recipient, message.subject,
						message.brokenDate ? "" : message.sentAt.format(LOCAL_DATE), message.body));
			}
		}
		return count;
	}

	/**
	 * Writes the generic log of the messages sent on the given day after the export day.
	 * @return the message records written
	 */
	long writeDay(Path messages, int day, int count) throws IOException {
		LocalDate date = SyntheticSeller.EXPORT_DAY.plusDays(day);
		genericLog(messages.resolve("sent-messages-" + date + ".csv"), "m-" + date + "-", count,
				(n, random) -> date.atTime(8, 0)
					.atOffset(seller.purchaseDate(n).getOffset())
					.plusMinutes(random.nextInt(600)));
		return count;
	}

	/**
	 * The generic layout, the message ids numbered after the prefix, and now and then a
	 * line that repeats the one before it.
	 */
	private void genericLog(Path log, String ids, int count, SendTime sendTime) throws IOException {
		try (GeneratedFile file = GeneratedFile.create(log, StandardCharsets.UTF_8, true, false, seed)) {
			file.line(CSV.format("message_id", "order_id", "recipient", "subject", "body", "sent_at", "tool"));
			String previous = null;
			for (int i = 0; i < count; i++) {
				// an export that overlaps the last one repeats a message: stored once
				if (previous != null && file.chance(0.005)) {
					file.line(previous);
					continue;
				}
				Message message = message(file, sendTime);
				previous = CSV.format(ids + i, message.orderId, message.recipient, message.subject, message.body,
						message.brokenDate ? "yesterday" : OrderReportGenerator.iso(message.sentAt),
						file.pick(new String[] { "ZonMaster", "BQool", "" }));
				file.line(previous);
			}
		}
	}

	/** When the message about order {@code n} was sent, drawn from the file's random. */
	private interface SendTime {

		OffsetDateTime of(int n, Random random);

	}

	/** Within three weeks of the purchase. */
	private OffsetDateTime afterPurchase(int n, Random random) {
		return seller.purchaseDate(n).plusDays(1 + random.nextInt(20)).plusMinutes(random.nextInt(600));
	}

	private record Message(Topic topic, String orderId, String recipient, String subject, String body,
			OffsetDateTime sentAt, boolean broken, boolean brokenDate) {
	}

	private Message message(GeneratedFile file, SendTime sendTime) {
		// a tenth of the messages are for orders the reports do not hold
		int n = file.random.nextInt(seller.orders() + seller.orders() / 10 + 1);
		String language = n < seller.orders() ? seller.site(n).language() : "en";
		Map<Topic, Template> templates = TEMPLATES.get(language);
		Topic topic = topic(file);
		Template template = templates.getOrDefault(topic, TEMPLATES.get("en").get(topic));
		String orderId = seller.orderId(n);
		String recipient = seller.isBusinessOrder(n) || file.chance(0.2) ? "" : seller.alias(n);
		String subject = template.subject().contains("%s") ? template.subject().formatted(orderId) : template.subject();
		String body = template.body().formatted(orderId);
		OffsetDateTime sentAt = sendTime.of(n, file.random);
		if (!file.chance(BROKEN_RECORDS)) {
			return new Message(topic, orderId, recipient, subject, body, sentAt, false, false);
		}
		return switch (file.random.nextInt(4)) {
			case 0 -> new Message(topic, orderId.substring(0, 9), recipient, subject, body, sentAt, true, false);
			case 1 -> new Message(topic, orderId, recipient, subject, body, sentAt, true, true);
			case 2 -> new Message(topic, orderId, recipient, "", "", sentAt, true, false);
			default -> new Message(topic, orderId, "buyer at amazon", subject, body, sentAt, true, false);
		};
	}

	private static Topic topic(GeneratedFile file) {
		int pick = file.random.nextInt(100);
		if (pick < 40) {
			return Topic.REVIEW;
		}
		if (pick < 45) {
			return Topic.REVIEW_INCENTIVE;
		}
		if (pick < 65) {
			return Topic.SHIPPED;
		}
		if (pick < 75) {
			return Topic.DELIVERY_SCHEDULING;
		}
		if (pick < 82) {
			return Topic.CUSTOMIZATION;
		}
		if (pick < 87) {
			return Topic.ADDRESS;
		}
		return pick < 95 ? Topic.MARKETING : Topic.THANKS;
	}

}
