package com.optoutbatch.messages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folds of the cross-validation: every train message in one fold a round, never a
 * test message, and each author's messages all in the same fold, so that no author is
 * learnt and measured at once.
 */
class ClassifierCrossValidationTests {

	static final List<LabelledCorpus.Message> train = LabelledCorpus.all()
		.stream()
		.filter(message -> !message.isTest())
		.toList();

	@Test
	void everyTrainMessageIsInOneFoldAndEveryAuthorInOne() {
		for (int round = 0; round < ClassifierCrossValidation.ROUNDS; round++) {
			List<List<LabelledCorpus.Message>> folds = ClassifierCrossValidation.folds(train, round);
			Map<String, Integer> foldOfAuthor = new HashMap<>();
			for (int fold = 0; fold < folds.size(); fold++) {
				for (LabelledCorpus.Message message : folds.get(fold)) {
					assertThat(foldOfAuthor.putIfAbsent(message.author(), fold)).as(message.author()).isIn(null, fold);
				}
			}
			assertThat(folds).hasSize(ClassifierCrossValidation.FOLDS);
			assertThat(folds.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(train);
		}
	}

	@Test
	void everyFoldHoldsAuthorsOfEveryLanguage() {
		List<List<LabelledCorpus.Message>> folds = ClassifierCrossValidation.folds(train, 0);
		IntStream.range(0, folds.size())
			.forEach(fold -> assertThat(folds.get(fold)).extracting(LabelledCorpus.Message::language)
				.as("fold " + fold)
				.containsAll(LabelledCorpus.LANGUAGES));
	}

	@Test
	void theRoundsDealTheAuthorsDifferently() {
		assertThat(ClassifierCrossValidation.folds(train, 1)).isNotEqualTo(ClassifierCrossValidation.folds(train, 0));
	}

}
