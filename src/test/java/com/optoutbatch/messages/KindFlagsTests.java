package com.optoutbatch.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags the kind of message raises, with the shipped model: a conditional review
 * request is a review incentive in any wording, a plain review request is not.
 */
class KindFlagsTests {

	static final MessageClassifier classifier = new MessageClassifier(PolicyRules.load(null),
			MessageModel.loadShipped(), ClassifierEvaluation.DEFAULT_MIN_CONFIDENCE);

	@Test
	void aConditionalReviewRequestIsAReviewIncentive() {
		Classification classification = classifier.classify("All good with your lamp?",
				"Hello Tom, order 112-7654321-1234567 should be with you now. Loving the lamp? Then we'd be thrilled "
						+ "to see a review on Amazon. Not quite right? Write to us before anything else and we'll sort it.");

		assertThat(classification.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(classification.flags()).contains(ContentFlag.REVIEW_INCENTIVE);
		assertThat(classification.reason()).startsWith("model ").contains("(conditional-review)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Would you mind rating your purchase? Order 112-7654321-1234567. Thank you!",
			"Wir würden uns über eine kurze Rezension zu Bestellung 302-7654321-1234567 freuen.",
			"Un petit avis sur votre commande 402-7654321-1234567 nous aiderait beaucoup. Merci !",
			"Ci farebbe piacere una sua recensione per l'ordine 403-7654321-1234567.",
			"¿Le importaría valorar su compra? Pedido 404-7654321-1234567.",
			"ご注文 503-7654321-1234567 の商品レビューをいただけますと幸いです。" })
	void aPlainReviewRequestAccusesNothing(String body) {
		Classification classification = classifier.classify("", body);

		assertThat(classification.category()).isEqualTo(MessageCategory.NON_CRITICAL);
		assertThat(classification.flags()).doesNotContain(ContentFlag.REVIEW_INCENTIVE, ContentFlag.REVIEW_CHANGE,
				ContentFlag.MARKETING);
	}

}
