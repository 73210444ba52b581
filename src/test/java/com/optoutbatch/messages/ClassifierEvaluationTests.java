package com.optoutbatch.messages;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier on the corpus's test split, authors it never learnt from, held to the
 * figures it reaches so that a change of rules, features or corpus that makes it worse
 * fails here ({@code scripts/evaluate-classifier.sh} prints them all).
 */
class ClassifierEvaluationTests {

	static ClassifierEvaluation evaluation;

	@BeforeAll
	static void evaluate() {
		evaluation = ClassifierEvaluation.run(PolicyRules.load(null), ClassifierEvaluation.DEFAULT_MIN_CONFIDENCE);
	}

	@Test
	void rightOnNearlyEveryMessageOfAuthorsItNeverSaw() {
		assertThat(evaluation.outcomes()).hasSizeGreaterThanOrEqualTo(300);
		assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.97);
		assertThat(evaluation.undecided()).isLessThanOrEqualTo(0.02);
	}

	@Test
	void rightInEveryLanguage() {
		assertThat(evaluation.accuracyBy(LabelledCorpus.Message::language)).containsOnlyKeys(LabelledCorpus.LANGUAGES)
			.allSatisfy((language, accuracy) -> assertThat(accuracy).as(language).isGreaterThanOrEqualTo(0.93));
	}

	@Test
	void flagsTheTextFindsAreFoundAll() {
		assertThat(evaluation.flags())
			.filteredOn(score -> score.flag() == ContentFlag.EMAIL_ADDRESS || score.flag() == ContentFlag.EMOJI
					|| score.flag() == ContentFlag.NO_ORDER_ID)
			.allSatisfy(score -> {
				assertThat(score.recall()).as(score.flag().code()).isEqualTo(1.0);
				assertThat(score.precision()).as(score.flag().code()).isEqualTo(1.0);
			});
	}

	@Test
	void findsNearlyEveryFlagAndRaisesNearlyNoneWrongly() {
		assertThat(evaluation.allFlags().recall()).isGreaterThanOrEqualTo(0.95);
		assertThat(evaluation.allFlags().precision()).isGreaterThanOrEqualTo(0.95);
	}

}
