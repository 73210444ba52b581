package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFeaturesTests {

	@Test
	void wordsTheirStartsAndEndsAndJapaneseGramsAreFeatures() {
		assertThat(MessageFeatures.of("Gravur", "Bitte die Gravur für Bestellung 302-1234567-1234567 bestätigen.",
				List.of("customization")))
			.contains("w:gravur", "s:gravur", "t:gravu", "w:fur", "w:bestellung", "t:beste", "e:llung", "w:#",
					"r:customization")
			.doesNotContain("e:ravur", "w:für");
		assertThat(MessageFeatures.of("", "名入れ", List.of())).contains("w:名入れ", "c: 名", "c:名入", "c:入れ ", "c: 名入");
	}

	@Test
	void aFeatureFoundWithoutItsStringHasTheHashOfItsString() {
		List<Long> byString = new ArrayList<>();
		List<Long> byCharacters = new ArrayList<>();
		MessageFeatures.scan(PolicyText.of("Ihre Bewertung – 【重要】"),
				PolicyText.of("Würden Sie Ihre Bewertung ändern? 5 Sterne, 名入れ 12-34 ÉTÉ"), List.of("review-change"),
				(prefix, text, start, length) -> {
					byString.add(MessageFeatures.hash(prefix + new String(text, start, length)));
					byCharacters.add(MessageFeatures.hash(prefix, text, start, length));
				});
		assertThat(byCharacters).isNotEmpty().isEqualTo(byString);
	}

}
