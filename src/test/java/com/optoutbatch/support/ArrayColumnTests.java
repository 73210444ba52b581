package com.optoutbatch.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayColumnTests extends JobTestSupport {

	record Row(String text, OffsetDateTime time, Long number) {
	}

	private static final List<ArrayColumn<Row>> COLUMNS = List.of(ArrayColumn.text(Row::text),
			ArrayColumn.timestamp(Row::time), ArrayColumn.number(Row::number));

	@Test
	void theStatementUnnestsTheColumnsBackIntoTheRowsInOrderWhateverTheyHold() {
		List<Row> rows = new ArrayList<>(List.of(new Row("ä'\"", OffsetDateTime.parse("2026-11-26T09:15:30+09:00"), 1L),
				new Row(null, null, null), new Row("", OffsetDateTime.parse("2026-02-28T23:59:59.123456-05:00"), -7L)));
		// what an array literal would read as something else: the word NULL, separators,
		// braces, escapes
		for (String text : List.of("NULL", "a,b", "{x}", "\"q\"", "back\\sl", " spaced ", "日本語")) {
			rows.add(new Row(text, OffsetDateTime.parse("2026-11-26T00:00:00Z"), 0L));
		}

		List<Row> unnested = jdbc.query("""
				SELECT * FROM UNNEST(CAST(? AS VARCHAR(10) ARRAY), CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY),
				                     CAST(? AS BIGINT ARRAY)) AS u (text, time, number)""",
				statement -> ArrayColumn.set(statement, rows, COLUMNS),
				(result, number) -> new Row(result.getString("text"), result.getObject("time", OffsetDateTime.class),
						result.getObject("number", Long.class)));

		assertThat(unnested)
			.usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
				.withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
				.build())
			.containsExactlyElementsOf(rows);
	}

}
