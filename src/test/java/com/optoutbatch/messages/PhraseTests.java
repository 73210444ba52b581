package com.optoutbatch.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhraseTests {

	@ParameterizedTest(name = "''{0}'' in ''{1}'': {2}")
	@CsvSource(delimiter = '|', textBlock = """
			review                 | Please leave a REVIEW.                     | true
			review                 | We reviewed your request.                  | false
			review                 | Ihre Preview ist fertig                    | false
			bewert*                | Bitte bewerten Sie uns                     | true
			bewert*                | Ihre Bewertung                             | true
			bewert*                | leider unbewertet                          | false
			schedule ... delivery  | to schedule a convenient delivery          | true
			schedule ... delivery  | schedule it, and after one two three four five delivery | false
			adresse incomplete     | l'adresse   incomplète                     | true
			zusätzliche            | ZUSATZLICHE Informationen                  | true
			numéro d'appartement   | votre numéro d’appartement                 | true
			レビュー...削除          | レビューの削除をお願いします                  | true
			配達日時                | ご注文の配達日時について                       | true
			★5                     | ★5のレビュー                                | true
			5-star                 | 15-star hotel                              | false
			re:\\d+ ?% off         | now 20% off                                | true
			""")
	void phrasesMatchWholeWordsIgnoringCaseAndAccents(String phrase, String text, boolean matches) {
		assertThat(Phrase.of("xx", phrase).find(PolicyText.of(text)) != null).isEqualTo(matches);
	}

	@ParameterizedTest(name = "''{0}'' is looked up by ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			numéro d'appartement      | numero        | true
			rendez-vous de livraison  | livraison     | true
			engrave*                  | engrave       | false
			rendez-vous d'installation | d'installation | false
			""")
	void aPhraseIsLookedUpByItsLongestWholeWord(String phrase, String anchor, boolean wholeWord) {
		assertThat(Phrase.of("xx", phrase).anchor()).isEqualTo(new Phrase.Anchor(anchor, wholeWord));
	}

	@Test
	void matchIsQuotedAsTheTextWroteIt() {
		PolicyText text = PolicyText.of("Ihre Lieferadresse ist unvollständig");
		var match = Phrase.of("de", "adresse ... unvollstandig").find(text);

		assertThat(match).isNull();
		var found = Phrase.of("de", "lieferadresse ... unvollständig").find(text);
		assertThat(text.shown().substring(found.start(), found.end())).isEqualTo("lieferadresse ist unvollständig");
	}

	@Test
	void brokenPhrasesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Phrase.of("en", "... review"))
			.withMessageContaining("needs words at both ends");
		assertThatIllegalArgumentException().isThrownBy(() -> Phrase.of("en", "re:(unclosed"))
			.withMessageContaining("re:(unclosed");
	}

}
