package com.optoutbatch.messages;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each content flag, with the near misses that must not raise it. */
class ContentFlagTests {

	static final MessageClassifier classifier = new MessageClassifier(PolicyRules.load(null));

	static final String ORDER = " Order 112-1234567-1234567.";

	@ParameterizedTest
	@ValueSource(strings = { "See http://www.amazon.com/gp/css/order-history", "Visit https://sample-shop.example/care",
			"Details: www.sample-shop.example", "https://amazon.de.phish.example/login",
			"Track it at https://bit.ly/3xYz" })
	void linkThatIsNotHttpsOrNotToAmazonIsFlagged(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.LINK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Review it at https://www.amazon.com/review/create-review?asin=B0001.",
			"https://www.amazon.co.jp/gp/help/customer/display.html", "Track it on amzn.to?",
			"Ratio 1:2, size 3.5 cm" })
	void secureAmazonLinkOrNoLinkIsNotFlagged(String text) {
		assertThat(flags(text + ORDER)).doesNotContain(ContentFlag.LINK);
	}

	@Test
	void emailAddressIsFlaggedAndAnAtSignAloneIsNot() {
		assertThat(flags("Write to service@sample-shop.example." + ORDER)).contains(ContentFlag.EMAIL_ADDRESS);
		assertThat(flags("We are @sampleshop on social media, 2 @ 5 EUR." + ORDER))
			.doesNotContain(ContentFlag.EMAIL_ADDRESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Enjoy 😊", "We ❤ our customers", "Thanks :-)", "Merci ;)", "Great ^^" })
	void emojisAndEmoticonsAreFlagged(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.EMOJI);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Delivery between 10:30 and 12:00", "See note (1)", "Price: 9,99 €", "Size (XL)" })
	void timesPricesAndBracketsAreNoEmojis(String text) {
		assertThat(flags(text + ORDER)).doesNotContain(ContentFlag.EMOJI);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Leave a 5-star review and get a free gift!",
			"If you're happy with it, please leave a positive review.",
			"Please contact us before leaving negative feedback.",
			"Für 5 Sterne erhalten Sie als Dankeschön ein Geschenk.", "星5のレビューをいただいた方にプレゼント" })
	void incentivesAndPressureForAPositiveReviewAreFlagged(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.REVIEW_INCENTIVE);
	}

	@Test
	void plainReviewRequestIsNoIncentive() {
		assertThat(flags("Would you leave a review? Your feedback helps other shoppers." + ORDER))
			.doesNotContain(ContentFlag.REVIEW_INCENTIVE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Could you update your review?", "Would you remove the negative review?",
			"Pourriez-vous modifier votre avis ?", "Würden Sie Ihre Bewertung bitte löschen?", "レビューの削除をご検討ください" })
	void askingToChangeOrRemoveAReviewIsFlagged(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.REVIEW_CHANGE);
	}

	@Test
	void reviewedInAnotherSenseIsNoReviewChange() {
		assertThat(flags("We reviewed the change you asked for; your order has shipped." + ORDER))
			.doesNotContain(ContentFlag.REVIEW_CHANGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Use coupon code SAVE10!", "20 % Rabatt mit dem Gutscheincode HERBST",
			"Suivez-nous sur Instagram", "年末セール開催中" })
	void marketingIsFlagged(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.MARKETING);
	}

	@Test
	void orderWithoutAnOrderIdIsFlaggedUnlessThereIsNoBodyToTell() {
		assertThat(classifier.classify("Your order has shipped", "It has shipped today.").flags())
			.contains(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("Order 112-1234567-1234567 has shipped", "It has shipped today.").flags())
			.doesNotContain(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("Your order has shipped", "").flags()).doesNotContain(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("", "Order 112-123456-1234567 has shipped.").flags())
			.as("16 digits are not an order id")
			.contains(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("", "112-1234567-1234567 has shipped.").flags())
			.doesNotContain(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("", "Order D01-1234567-1234567, ref 9112-1234567-1234567.").flags())
			.doesNotContain(ContentFlag.NO_ORDER_ID);
		assertThat(classifier.classify("", "Ref 9112-1234567-1234567 has shipped.").flags())
			.as("an order id does not follow a digit")
			.contains(ContentFlag.NO_ORDER_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b.de", "Mail: é@shop.fr", "x@@shop.example.com or y@shop.example.com" })
	void anAddressIsFoundWhereverItStands(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.EMAIL_ADDRESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { ":) thanks", "see you :-D", "<3", "Hi ^_^" })
	void emoticonsAreFoundWhereverTheyStand(String text) {
		assertThat(flags(text + ORDER)).contains(ContentFlag.EMOJI);
	}

	@Test
	void cleanMessageHasNoFlags() {
		assertThat(flags("Your order 112-1234567-1234567 has shipped. Tracking number 1Z999AA10123456784.")).isEmpty();
	}

	@Test
	void flagsAreWrittenAsCodes() {
		assertThat(ContentFlag.codes(List.of(ContentFlag.LINK, ContentFlag.SENT_LATE))).isEqualTo("link;sent-late");
	}

	private static List<ContentFlag> flags(String body) {
		return classifier.classify("", body).flags();
	}

}
