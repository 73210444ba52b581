package com.optoutbatch.support;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExportDatesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-02                      | 2026-11-02T00:00Z
			' 2028-02-29 '                  | 2028-02-29T00:00Z
			2026-11-02 10:00                | 2026-11-02T10:00Z
			2026-11-02 10:00:30             | 2026-11-02T10:00:30Z
			2026-11-02T10:00:30.250         | 2026-11-02T10:00:30.250Z
			2026-11-02T10:00:30+01:00       | 2026-11-02T10:00:30+01:00
			2026-11-02T10:00:30Z            | 2026-11-02T10:00:30Z
			2026-11-02 10:00:30 +01:00      | 2026-11-02T10:00:30+01:00
			2026-11-02 10:00:30 UTC         | 2026-11-02T10:00:30Z
			'Nov 2, 2026 10:00:30 AM PST'   | 2026-11-02T10:00:30-08:00
			02.11.2026 10:00                | 2026-11-02T10:00Z
			11/02/2026                      | 2026-11-02T00:00Z
			13/11/2026                      | 2026-11-13T00:00Z
			""")
	void readsTheShapesOfSellersExports(String text, OffsetDateTime expected) {
		assertThat(ExportDates.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-02", "2026-02-29", "2026-11-31", "2026-00-10", "2026-11-00", "2026-1a-02",
			"2026-11-02 25:00", "tomorrow", "" })
	void rejectsWhatIsNoDate(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> ExportDates.parse(text));
	}

}
