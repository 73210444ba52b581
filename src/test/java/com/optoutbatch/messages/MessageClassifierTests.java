package com.optoutbatch.messages;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageClassifierTests {

	static final MessageClassifier classifier = new MessageClassifier(PolicyRules.load(null));

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					customization         | CRITICAL     | Please reply with the name you would like engraved on the pendant, order 112-1234567-1234567.
					customization         | CRITICAL     | Für die Gravur benötigen wir noch Ihren Wunschtext. Bestellung 302-1234567-1234567.
					customization         | CRITICAL     | ご注文 503-1234567-1234567 の名入れ内容をご返信ください。
					delivery-scheduling   | CRITICAL     | The freight carrier needs a delivery appointment: which time slot suits you? Order 112-1234567-1234567.
					delivery-scheduling   | CRITICAL     | Merci de nous indiquer un créneau pour le rendez-vous de livraison. Commande 402-1234567-1234567.
					delivery-scheduling   | CRITICAL     | Necesitamos concertar una cita de entrega en una franja horaria. Pedido 404-1234567-1234567.
					shipping-address      | CRITICAL     | The shipping address of order 112-1234567-1234567 is missing the apartment number.
					shipping-address      | CRITICAL     | L'indirizzo di spedizione dell'ordine 403-1234567-1234567 è incompleto: manca il numero civico.
					order-completion      | CRITICAL     | We need your tax ID for the customs declaration before we can ship order 112-1234567-1234567.
					review-request        | NON_CRITICAL | Would you leave a review of order 112-1234567-1234567? Your feedback helps.
					review-request        | NON_CRITICAL | ¿Podría dejar una reseña del pedido 404-1234567-1234567?
					review-incentive      | NON_CRITICAL | Leave a 5-star review of order 112-1234567-1234567 and get a free gift.
					review-change         | NON_CRITICAL | Now that we refunded order 112-1234567-1234567, could you update your review?
					shipment-confirmation | NON_CRITICAL | Ihre Bestellung 302-1234567-1234567 wurde versandt, Sendungsnummer 00340434161234567890.
					shipment-confirmation | NON_CRITICAL | 注文番号 503-1234567-1234567 の商品を発送いたしました。
					customer-service      | NON_CRITICAL | Here is the user manual and a few tips for order 112-1234567-1234567.
					out-of-stock-or-delay | NON_CRITICAL | The lamp of order 112-1234567-1234567 is out of stock and will ship later than expected.
					marketing             | NON_CRITICAL | Use coupon code SAVE10 for 10% off your next order. Ref 112-1234567-1234567.
					courtesy              | NON_CRITICAL | Thank you for your order 112-1234567-1234567!
					""")
	void eachRuleDecidesItsCategory(String rule, MessageCategory category, String body) {
		Classification classification = classifier.classify("", body);

		assertThat(classification.category()).isEqualTo(category);
		assertThat(classification.rule()).isEqualTo(rule);
		assertThat(classification.reason()).startsWith(rule + " (body, ");
	}

	@Test
	void deliverySchedulingThatMentionsAReviewIsCritical() {
		Classification classification = classifier.classify("Your treadmill delivery",
				"Your treadmill (order 111-5050505-6060606) needs a delivery appointment because someone has to be "
						+ "present. After delivery you can leave a review if you wish.");

		assertThat(classification.category()).isEqualTo(MessageCategory.CRITICAL);
		assertThat(classification.rule()).isEqualTo("delivery-scheduling");
		assertThat(classification.reason()).contains("\"delivery appointment\"", "outweighs review-request");
		assertThat(classification.flags()).doesNotContain(ContentFlag.CRITICAL_SUBJECT);
	}

	@Test
	void confirmationUnderTheCriticalSubjectIsNotCriticalAndFlagged() {
		Classification classification = classifier.classify("Additional Information Required",
				"Your order 113-9876543-2109876 has shipped. Tracking number: 9400111899223856.");

		assertThat(classification.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(classification.rule()).isEqualTo("shipment-confirmation");
		assertThat(classification.flags()).containsExactly(ContentFlag.CRITICAL_SUBJECT);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			[Important] Your order         | en
			[Wichtig] Ihre Bestellung      | de
			[Importante] Su pedido         | es
			【重要】ご注文について           | ja
			Zusätzliche Informationen erforderlich | de
			Se requiere información adicional      | es
			""")
	void criticalSubjectsAndTagsAreFlaggedOnNonCriticalContent(String subject, String language) {
		Classification classification = classifier.classify(subject,
				"Order 112-1234567-1234567 has been delivered. Please leave a review!");

		assertThat(classification.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(classification.flags()).contains(ContentFlag.CRITICAL_SUBJECT);
	}

	@Test
	void criticalSubjectOnCriticalContentIsNotFlagged() {
		Classification classification = classifier.classify("Additional Information Required",
				"The delivery address of order 112-1234567-1234567 is incomplete: please confirm your address.");

		assertThat(classification.category()).isEqualTo(MessageCategory.CRITICAL);
		assertThat(classification.flags()).isEmpty();
	}

	@Test
	void bodyDecidesWhenSubjectAndBodyDisagree() {
		Classification classification = classifier.classify("Delivery appointment for your sofa",
				"Your sofa from order 112-1234567-1234567 has shipped. Tracking number 1Z999.");

		assertThat(classification.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(classification.reason()).contains("outweighs delivery-scheduling (subject, en)");
	}

	@Test
	void subjectDecidesWhenTheBodySaysNothing() {
		Classification bodiless = classifier.classify("Your order 112-1234567-1234567 has shipped", null);
		Classification vague = classifier.classify("Engraving for order 112-1234567-1234567",
				"Please reply at your convenience.");

		assertThat(bodiless.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(bodiless.reason()).startsWith("shipment-confirmation (subject, en)");
		assertThat(vague.category()).isEqualTo(MessageCategory.CRITICAL);
	}

	@Test
	void messageNoRuleFitsIsUndecided() {
		Classification classification = classifier.classify("Following up",
				"Just following up on order 112-1234567-1234567. Best regards");

		assertThat(classification.category()).isEqualTo(MessageCategory.UNDECIDED);
		assertThat(classification.rule()).isNull();
		assertThat(classification.reason()).isEqualTo("no rule fits");
	}

	@Test
	void evenlySplitMessageIsUndecidedAndSaysWhy() {
		Classification classification = classifier.classify("",
				"The engraving of order 112-1234567-1234567 is delayed.");

		assertThat(classification.category()).isEqualTo(MessageCategory.UNDECIDED);
		assertThat(classification.reason()).isEqualTo(
				"evenly split: customization (body, en): \"engraving\"; out-of-stock-or-delay (body, en): \"delayed\"");
	}

	@Test
	void unsupportedLanguageIsUndecided() {
		Classification classification = classifier.classify("Seu pedido foi enviado",
				"Olá, seu pedido 701-1111111-2222222 foi enviado hoje.");

		assertThat(classification.category()).isEqualTo(MessageCategory.UNDECIDED);
	}

	@Test
	void userRulesExtendAndReplaceTheDefaults(@TempDir Path dir) throws Exception {
		Path rules = Files.writeString(dir.resolve("my-rules.yml"), """
				rules:
				  delivery-scheduling-pt:
				    category: CRITICAL
				    weight: 3
				    phrases:
				      pt: [agendar a entrega, horário de entrega]
				  courtesy:
				    category: NON_CRITICAL
				    weight: 1
				    phrases:
				      en: [cheers]
				""");
		MessageClassifier extended = new MessageClassifier(PolicyRules.load(rules));

		assertThat(extended.classify("", "Precisamos agendar a entrega do pedido 701-1111111-2222222.").rule())
			.isEqualTo("delivery-scheduling-pt");
		assertThat(extended.classify("", "Cheers, order 112-1234567-1234567").category())
			.isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(extended.classify("", "Thank you for your order 112-1234567-1234567").category())
			.isEqualTo(MessageCategory.UNDECIDED);
	}

	@Test
	void brokenRulesFileSaysWhatIsWrong(@TempDir Path dir) throws Exception {
		Path unknownFlag = Files.writeString(dir.resolve("flag.yml"), """
				rules:
				  gifts:
				    flag: gifts
				    phrases:
				      en: [gift]
				""");
		Path noPhrases = Files.writeString(dir.resolve("empty.yml"), """
				rules:
				  gifts:
				    category: NON_CRITICAL
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> PolicyRules.load(unknownFlag))
			.withMessage("messages.rules " + unknownFlag + ": rules.gifts.flag: unknown flag 'gifts'; expected one of "
					+ "link, email-address, emoji, review-incentive, review-change, marketing, critical-subject, "
					+ "no-order-id, sent-late, line 3");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyRules.load(noPhrases))
			.withMessage("messages.rules " + noPhrases + ": rules.gifts.phrases: expected at least one phrase, line 2");
	}

}
