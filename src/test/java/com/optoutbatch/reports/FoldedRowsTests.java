package com.optoutbatch.reports;

import java.util.List;
import java.util.stream.IntStream;

import com.optoutbatch.reports.FoldedRows.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedRowsTests {

	@Test
	void aTableLongerThanThePageShowsTheFirstRowsOpenFoldsTheNextAndLeavesTheRestToItsCsv() {
		FoldedRows<Integer> rows = FoldedRows.of(numbers(FoldedRows.ON_PAGE + 50), "numbers.csv");

		assertThat(rows.count()).isEqualTo(FoldedRows.ON_PAGE + 50);
		assertThat(rows.open()).containsExactlyElementsOf(numbers(FoldedRows.OPEN));
		assertThat(rows.folded()).hasSize(FoldedRows.ON_PAGE - FoldedRows.OPEN)
			.startsWith(FoldedRows.OPEN + 1)
			.endsWith(FoldedRows.ON_PAGE);
		assertThat(rows.notOnPage()).isEqualTo(50);
		assertThat(rows.isFolded()).isTrue();
		assertThat(rows.parts()).extracting(Part::folded).containsExactly(false, true);
	}

	@Test
	void aShortTableIsOnePartOpenAndAnEmptyOneHasNone() {
		FoldedRows<Integer> rows = FoldedRows.of(numbers(FoldedRows.OPEN), "numbers.csv");

		assertThat(rows.isFolded()).isFalse();
		assertThat(rows.folded()).isEmpty();
		assertThat(rows.parts()).containsExactly(new Part<>(numbers(FoldedRows.OPEN), false));
		assertThat(FoldedRows.of(List.of(), "numbers.csv").parts()).isEmpty();
	}

	private static List<Integer> numbers(int count) {
		return IntStream.rangeClosed(1, count).boxed().toList();
	}

}
