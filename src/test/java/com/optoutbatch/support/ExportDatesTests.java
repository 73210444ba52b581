package com.optoutbatch.support;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
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
			2026-11-02T10:00:30.5-08:00     | 2026-11-02T10:00:30.500-08:00
			2028-02-29T23:59:59.123456789+05:45 | 2028-02-29T23:59:59.123456789+05:45
			2026-11-02T00:00:00-18:00       | 2026-11-02T00:00:00-18:00
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

	@Test
	void readsIsoDatesAndTimesWithAnOffsetAsTheStandardFormatterDoes() {
		Random random = new Random(20261126);
		for (int i = 0; i < 10_000; i++) {
			OffsetDateTime time = OffsetDateTime.of(
					LocalDateTime.ofEpochSecond(random.nextLong(-2_000_000_000L, 5_000_000_000L),
							random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000), ZoneOffset.UTC),
					ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60));
			String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			assertThat(ExportDates.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-02", "2026-02-29", "2026-11-31", "2026-00-10", "2026-11-00", "2026-1a-02",
			"2026-11-02 25:00", "2026-11-02T10:00:30+19:00", "2026-11-02T10:00:30.1234567891Z",
			"2026-11-02T10:00:30+01:00x", "2026-11-02T10:00:30+41:00", "2026-11-02 10:00:30 +41:00", "tomorrow", "" })
	void rejectsWhatIsNoDate(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> ExportDates.parse(text));
	}

}
