package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/** How the scheduler finds a night its schedule called for that did not finish. */
class MissedNightTests {

	static final CronExpression NIGHTLY = CronExpression.parse("0 30 2 * * *");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// the scheduler (re)started in the morning after 02:30
	static final ZonedDateTime MORNING = ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, BERLIN);

	@TempDir
	Path home;

	@Test
	void aNightWithoutARunFileWhileEarlierNightsRanWasMissed() throws IOException {
		night("2026-11-24", "COMPLETED");

		assertThat(missed(MORNING)).contains(LocalDate.of(2026, 11, 26));
	}

	@Test
	void aNightStillMarkedStartedWasKilled() throws IOException {
		night("2026-11-25", "COMPLETED");
		night("2026-11-26", "STARTED");

		assertThat(missed(MORNING)).contains(LocalDate.of(2026, 11, 26));
	}

	@Test
	void aNightThatEndedCompletedOrFailedWasNotMissed() throws IOException {
		night("2026-11-26", "COMPLETED");
		assertThat(missed(MORNING)).isEmpty();

		night("2026-11-26", "FAILED");
		assertThat(missed(MORNING)).isEmpty();
	}

	@Test
	void beforeTonightsTimeTheNightToLookAtIsYesterdays() throws IOException {
		night("2026-11-25", "COMPLETED");

		assertThat(missed(MORNING.withHour(1))).isEmpty();
	}

	@Test
	void aWorkspaceThatNeverRanANightHasMissedNone() {
		assertThat(missed(MORNING)).isEmpty();
	}

	private Optional<LocalDate> missed(ZonedDateTime now) {
		return NightlySchedule.missedNight(NIGHTLY, BERLIN, now, home);
	}

	private void night(String runDate, String status) throws IOException {
		Path runFile = Files.createDirectories(home.resolve("output/runs").resolve(runDate)).resolve("nightly.json");
		Files.writeString(runFile,
				"{\"job\" : \"nightly\", \"runDate\" : \"" + runDate + "\", \"status\" : \"" + status + "\"}");
	}

}
