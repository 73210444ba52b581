package com.optoutbatch.launch;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.parameters.JobParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobCommandTests {

	@Test
	void argumentsOverrideTheJobsDefaults() {
		JobCommand command = JobCommand.parse("importOrders", "marketplace=amazon.de", "run.date=2026-11-20",
				"--optout.home=/tmp/ws", "--rerun");

		assertThat(command.jobName()).isEqualTo("importOrders");
		assertThat(command.parameters()).containsEntry("marketplace", "amazon.de").containsEntry("run.date", "2026-11-20");
		assertThat(command.rerun()).isTrue();
		assertThat(command.springArgs()).containsExactly("--optout.home=/tmp/ws");
	}

	@Test
	void runDateDefaultsToTodayAndIdentifiesTheRunWithTheAttempt() {
		JobParameters parameters = JobCommand.parse("importOrders", "marketplace=amazon.de").jobParameters(3);

		assertThat(parameters.getLocalDate("run.date")).isEqualTo(LocalDate.now());
		assertThat(parameters.getLong("run.attempt")).isEqualTo(3L);
		assertThat(parameters.getIdentifyingParameters()).extracting(p -> p.name())
			.containsExactlyInAnyOrder("run.date", "run.attempt");
		assertThat(parameters.getString("marketplace")).isEqualTo("amazon.de");
	}

	@Test
	void nightlyTakesTheDefaultsOfTheJobsItChains() {
		assertThat(JobCommand.parse("nightly").parameters()).containsEntry("rejects.max-share", "0.5");
	}

	@Test
	void emptyDefaultsAreLeftOut() {
		assertThat(JobCommand.parse("importOrders").parameters()).doesNotContainKey("marketplace");
	}

	@Test
	void unusableArgumentsSayWhy() {
		assertThatIllegalArgumentException().isThrownBy(JobCommand::parse).withMessageContaining("no job named");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "run.date=yesterday"))
			.withMessageContaining("not a date");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "nightly"))
			.withMessageContaining("not name=value");
	}

}
