package com.optoutbatch.support;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	@Test
	void anInstantIsWrittenAtUtcWithSecondsAndAFractionOnlyWhenThereIsOne() {
		assertThat(Timestamps.format(OffsetDateTime.parse("2026-11-03T08:00-08:00"))).isEqualTo("2026-11-03T16:00:00Z");
		assertThat(Timestamps.format(OffsetDateTime.parse("2026-11-06T10:00:00+01:00")))
			.isEqualTo("2026-11-06T09:00:00Z");
		assertThat(Timestamps.format(OffsetDateTime.parse("2026-11-06T09:00:00.5Z")))
			.isEqualTo("2026-11-06T09:00:00.500Z");
		assertThat(Timestamps.format(null)).isNull();
	}

	@Test
	void anInstantIsStoredCutToTheMicrosecondNeverRoundedUp() {
		assertThat(Timestamps.stored(OffsetDateTime.parse("2026-11-03T23:59:59.9999996-08:00")))
			.isEqualTo(OffsetDateTime.parse("2026-11-03T23:59:59.999999-08:00"));
		assertThat(Timestamps.stored(null)).isNull();
	}

}
