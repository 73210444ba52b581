package com.optoutbatch.mailbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeDetectorTests {

	static final String EN_SENTENCE = "We were unable to deliver the message you sent for order [112-3456789-0123456] "
			+ "because the buyer has chosen to opt out of receiving unsolicited messages from sellers.";

	@TempDir
	Path dir;

	final MessageParser parser = new MessageParser(MailCaps.DEFAULTS);

	NoticeDetector detector = new NoticeDetector(NoticeRules.defaults(), List.of());

	@Test
	void englishNoticeIsFound() throws Exception {
		NoticeFinding finding = detect(
				notice("auto-communication@amazon.com", "Your message to a buyer could not be delivered",
						"text/plain; charset=UTF-8", "7bit", "Dear Seller,\n\n" + EN_SENTENCE + "\n"));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("112-3456789-0123456");
		assertThat(finding.marketplace()).isEqualTo("amazon.com");
		assertThat(finding.noticeDate()).hasToString("2026-11-05T17:12:44Z");
	}

	@Test
	void quotedPrintableSoftBreaksInsideTheOrderIdAndTheSentenceAreJoined() throws Exception {
		String body = """
				Sehr geehrter Verk=E4ufer,

				wir konnten die Nachricht f=FCr die Bestellung [305-7654321-12=
				34567] nicht zustellen, weil der K=E4ufer die Annahme unerw=
				=FCnschter Nachrichten von Verk=E4ufern deaktiviert hat.
				""";
		NoticeFinding finding = detect(notice("auto-communication@amazon.de",
				"=?ISO-8859-1?Q?Ihre_Nachricht_an_einen_K=E4ufer_konnte_nicht_zugestellt_werden?=",
				"text/plain; charset=ISO-8859-1", "quoted-printable", body));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("305-7654321-1234567");
		assertThat(finding.marketplace()).isEqualTo("amazon.de");
	}

	@Test
	void htmlOnlyBase64NoticeWithEntitiesIsFound() throws Exception {
		String html = "<p>Nous n&#39;avons pas pu remettre le message envoy&eacute; pour la commande <b>[028-4445556-6667778]</b>"
				+ " car l&rsquo;acheteur a choisi de ne pas recevoir de messages non sollicit&eacute;s<br>de la part des vendeurs.</p>";
		NoticeFinding finding = detect(
				notice("auto-communication@amazon.fr", "Votre message", "text/html; charset=UTF-8", "base64",
						Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("028-4445556-6667778");
		assertThat(finding.marketplace()).isEqualTo("amazon.fr");
	}

	@Test
	void japaneseIso2022JpNoticeIsFound() throws Exception {
		String body = "注文番号[503-1234567-8901234]について送信されたメッセージは、購入者が出品者からの未承諾メッセージの\n受信を拒否しているため、配信できませんでした。\n";
		NoticeFinding finding = detect(
				notice("auto-communication@amazon.co.jp", "=?ISO-2022-JP?B?GyRCOXc2VDxUJFgkTiVhJUMlOyE8JTgkcgsbKEI=?=",
						"text/plain; charset=ISO-2022-JP", "7bit", encoded(body, "ISO-2022-JP")));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("503-1234567-8901234");
		assertThat(finding.marketplace()).isEqualTo("amazon.co.jp");
	}

	@Test
	void shiftJisNoticeIsFound() throws Exception {
		String body = "注文番号[250-7654321-0987654]について、購入者が出品者からの未承諾メッセージの受信を拒否しているため配信できませんでした。";
		byte[] message = bytes(
				notice("auto-communication@amazon.co.jp", "notice", "text/plain; charset=Shift_JIS", "8bit", "BODY"),
				"BODY", body.getBytes(Charset.forName("Shift_JIS")));

		NoticeFinding finding = detector.detect(parser.parse(message));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("250-7654321-0987654");
	}

	@Test
	void windows1252AlternativeWithTypographicApostropheIsFound() throws Exception {
		String mail = """
				From: Amazon <auto-communication@amazon.it>
				Subject: =?UTF-8?Q?Non_=C3=A8_stato_possibile_consegnare_il_tuo_messaggio_a_un_acquirente?=
				Date: Mon, 09 Nov 2026 10:00:00 +0100
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="b"

				--b
				Content-Type: text/plain; charset=windows-1252
				Content-Transfer-Encoding: quoted-printable

				non =E8 stato possibile consegnare il messaggio per l=92ordine [171-5550001-2223334] perch=E9 l=92acquirente ha scelto di non ricevere messaggi non richiesti dai venditori.
				--b
				Content-Type: text/html; charset=UTF-8

				<p>perch&eacute; l&#39;acquirente ha scelto di non ricevere messaggi non richiesti dai venditori [171-5550001-2223334]</p>
				--b--
				""";

		NoticeFinding finding = detect(mail);

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("171-5550001-2223334");
		assertThat(finding.marketplace()).isEqualTo("amazon.it");
	}

	@Test
	void spanishAndPortugueseNoticesAreFound() throws Exception {
		assertThat(detect(notice("auto-communication@amazon.es", "aviso", "text/plain; charset=UTF-8", "8bit",
				"el pedido [404-9990001-1112223] porque el comprador ha decidido no recibir mensajes no solicitados de los vendedores"))
			.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(detect(notice("auto-communication@amazon.com.br", "aviso", "text/plain; charset=UTF-8", "8bit",
				"o pedido [701-1234567-7654321] porque o comprador optou por não receber mensagens não solicitadas de vendedores"))
			.marketplace()).isEqualTo("amazon.com.br");
	}

	@Test
	void forwardedNoticeIsFound() throws Exception {
		String body = """
				Bitte auf die Sperrliste.

				---------- Weitergeleitete Nachricht ---------
				Von: Amazon <auto-communication@amazon.de>
				Datum: Di., 10. Nov. 2026 um 09:30 Uhr
				Betreff: Ihre Nachricht an einen Käufer konnte nicht zugestellt werden

				> wir konnten die Nachricht für die Bestellung [302-1234567-7654321] nicht zustellen, weil der Käufer
				> die Annahme unerwünschter Nachrichten von Verkäufern deaktiviert hat.
				""";

		NoticeFinding finding = detect(
				notice("owner@example-shop.com", "WG: Ihre Nachricht", "text/plain; charset=UTF-8", "8bit", body));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("302-1234567-7654321");
		assertThat(finding.marketplace()).isEqualTo("amazon.de");
	}

	@Test
	void inlineForwardIsDatedByItsDateLineWhenItIsReadable() throws Exception {
		String body = """
				-------- Forwarded Message --------
				Subject: Your message to a buyer could not be delivered
				Date: Tue, 10 Nov 2026 09:30:00 +0100
				From: Amazon <auto-communication@amazon.com>

				""" + EN_SENTENCE;

		NoticeFinding finding = detect(notice("owner@example-shop.com", "Fwd: x", "text/plain", "7bit", body));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.noticeDate()).hasToString("2026-11-10T08:30Z");
	}

	@Test
	void forwardWithOnlyASubjectPrefixIsFound() throws Exception {
		for (String prefix : List.of("Fwd:", "FW:", "TR:", "RV:", "I:")) {
			String body = "From: Amazon <auto-communication@amazon.com>\nSubject: Your message\n\n" + EN_SENTENCE;
			assertThat(
					detect(notice("owner@example-shop.com", prefix + " Your message to a buyer could not be delivered",
							"text/plain; charset=UTF-8", "7bit", body))
						.verdict())
				.as(prefix)
				.isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		}
	}

	@Test
	void noticeAttachedAsMessageIsFound() throws Exception {
		String mail = """
				From: Assistant <assistant@example-shop.com>
				Subject: FW: Your message to a buyer could not be delivered
				Date: Mon, 09 Nov 2026 08:00:00 -0800
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="fw"

				--fw
				Content-Type: text/plain

				See attached.
				--fw
				Content-Type: message/rfc822

				""" + notice("auto-communication@amazon.com", "Your message to a buyer could not be delivered",
				"text/plain; charset=UTF-8", "7bit", EN_SENTENCE)
			.replace("Thu, 05 Nov 2026", "Sun, 08 Nov 2026") + """
					--fw--
					""";

		NoticeFinding finding = detect(mail);

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(finding.orderId()).isEqualTo("112-3456789-0123456");
		assertThat(finding.noticeDate()).hasToString("2026-11-08T17:12:44Z");
	}

	@Test
	void forwardFromAnUntrustedSenderIsALookalike() throws Exception {
		detector = new NoticeDetector(NoticeRules.defaults(), List.of("example-shop.com", "me@partner.example"));
		String body = "-----Original Message-----\nFrom: auto-communication@amazon.com\n\n" + EN_SENTENCE;

		assertThat(detect(notice("owner@example-shop.com", "FW: x", "text/plain", "7bit", body)).verdict())
			.isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(detect(notice("me@partner.example", "FW: x", "text/plain", "7bit", body)).verdict())
			.isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(detect(notice("someone@elsewhere.example", "FW: x", "text/plain", "7bit", body)).verdict())
			.isEqualTo(NoticeVerdict.LOOKALIKE);
	}

	@Test
	void lookalikeIsQuarantined() throws Exception {
		NoticeFinding finding = detect(notice("auto-communication@amazon-seller-alerts.com",
				"Your message to a buyer could not be delivered", "text/plain", "7bit", EN_SENTENCE));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.LOOKALIKE);
		assertThat(finding.verdict().isUsed()).isTrue();
	}

	@Test
	void forwardOfALookalikeIsALookalike() throws Exception {
		String body = "---------- Forwarded message ---------\nFrom: <support@amazon.com.example.net>\n\n"
				+ EN_SENTENCE;

		assertThat(detect(notice("owner@example-shop.com", "Fwd: hm", "text/plain", "7bit", body)).verdict())
			.isEqualTo(NoticeVerdict.LOOKALIKE);
	}

	@Test
	void amazonSenderFailingDmarcIsNotTrusted() throws Exception {
		String mail = "Authentication-Results: mx.example-shop.com; dmarc=fail (p=REJECT) header.from=amazon.com\n"
				+ notice("auto-communication@amazon.com", "Your message", "text/plain", "7bit", EN_SENTENCE);

		assertThat(detect(mail).verdict()).isEqualTo(NoticeVerdict.LOOKALIKE);
	}

	@Test
	void restrictionNoticeIsRecognised() throws Exception {
		NoticeFinding finding = detect(notice("seller-notification@amazon.co.uk", "Action required", "text/plain",
				"7bit",
				"Some of the messages you recently sent were not delivered to customers because they did not comply."));

		assertThat(finding.verdict()).isEqualTo(NoticeVerdict.RESTRICTION_NOTICE);
		assertThat(finding.marketplace()).isEqualTo("amazon.co.uk");
	}

	@Test
	void copiesOrderNoticesAndBuyerMessagesAreOtherAmazonMail() throws Exception {
		assertThat(detect(notice("donotreply@amazon.com", "Here is a copy of the e-mail you sent", "text/plain", "7bit",
				"Here is a copy of the e-mail you sent to a buyer for order 113-9876543-2109876."))
			.verdict()).isEqualTo(NoticeVerdict.OTHER_AMAZON);
		assertThat(detect(notice("seller-notification@amazon.com", "Sold, ship now", "text/plain", "7bit",
				"Order ID: 111-2223334-4445556. Ship now."))
			.verdict()).isEqualTo(NoticeVerdict.OTHER_AMAZON);
		assertThat(detect(notice("k8v2bq9z4mx7whc@marketplace.amazon.com", "Question", "text/plain", "7bit",
				"When will order 113-9876543-2109876 ship?"))
			.verdict()).isEqualTo(NoticeVerdict.OTHER_AMAZON);
	}

	@Test
	void noticeWithoutAnOrderIsNotAnOptOut() throws Exception {
		assertThat(detect(notice("auto-communication@amazon.com", "x", "text/plain", "7bit",
				"because the buyer has chosen to opt out of receiving unsolicited messages"))
			.verdict()).isEqualTo(NoticeVerdict.OTHER_AMAZON);
	}

	@Test
	void bracketedOrderIdIsPreferredOverOthers() throws Exception {
		NoticeFinding finding = detect(notice("auto-communication@amazon.com", "x", "text/plain", "7bit",
				"Your order 111-1111111-1111111 and then " + EN_SENTENCE));

		assertThat(finding.orderId()).isEqualTo("112-3456789-0123456");
	}

	@Test
	void bounceFromAMailServerIsNotRelevant() throws Exception {
		String mail = """
				From: Mail Delivery System <MAILER-DAEMON@mx.example-shop.com>
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="d"

				--d
				Content-Type: text/plain

				Your message could not be delivered.
				--d
				Content-Type: message/delivery-status

				Final-Recipient: rfc822; a@example.com
				Action: failed
				--d--
				""";

		assertThat(detect(mail)).extracting(NoticeFinding::verdict, NoticeFinding::reason)
			.containsExactly(NoticeVerdict.NOT_RELEVANT, "delivery status notification");
	}

	@Test
	void extendedRulesAddAPhraseWithoutABuild() throws Exception {
		Path rules = Files.writeString(dir.resolve("rules.yml"), """
				opt-out:
				  body:
				    nl: omdat de koper heeft gekozen geen ongevraagde berichten te ontvangen
				amazon-domains: [amazon.nl.example]
				""");
		detector = new NoticeDetector(NoticeRules.load("rules", rules), List.of());
		String body = "voor bestelling [408-1234567-1234567] omdat de koper heeft gekozen geen ongevraagde berichten te ontvangen";

		assertThat(detect(notice("auto-communication@amazon.nl.example", "x", "text/plain", "7bit", body)).verdict())
			.isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(detect(notice("auto-communication@amazon.de", "x", "text/plain", "7bit", EN_SENTENCE)).verdict())
			.isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
	}

	@Test
	void marketplaceIdHeaderNamesTheMarketplace() throws Exception {
		String mail = "X-Marketplace-ID: A1PA6795UKMFR9\n"
				+ notice("auto-communication@amazon.com", "x", "text/plain", "7bit", EN_SENTENCE);

		assertThat(detect(mail).marketplace()).isEqualTo("amazon.de");
	}

	private NoticeFinding detect(String mail) throws Exception {
		return detector.detect(parser.parse(mail.getBytes(StandardCharsets.UTF_8)));
	}

	static String notice(String from, String subject, String contentType, String encoding, String body) {
		return "From: Sender <" + from + ">\n" + "To: seller@example-shop.com\n" + "Subject: " + subject + "\n"
				+ "Date: Thu, 05 Nov 2026 09:12:44 -0800\n" + "Message-ID: <n1@" + from.substring(from.indexOf('@') + 1)
				+ ">\n" + "MIME-Version: 1.0\n" + "Content-Type: " + contentType + "\n" + "Content-Transfer-Encoding: "
				+ encoding + "\n\n" + body + "\n";
	}

	private static String encoded(String text, String charset) {
		return new String(text.getBytes(Charset.forName(charset)), StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(String mail, String placeholder, byte[] body) {
		int at = mail.indexOf(placeholder);
		byte[] head = mail.substring(0, at).getBytes(StandardCharsets.US_ASCII);
		byte[] tail = mail.substring(at + placeholder.length()).getBytes(StandardCharsets.US_ASCII);
		byte[] all = new byte[head.length + body.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
		return all;
	}

}
