package com.optoutbatch.launch;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DeclaredParametersTests {

	static List<String> jobs() {
		return DeclaredParameters.jobNames()
			.stream()
			.filter(job -> !job.equals(NightlyJobConfiguration.JOB_NAME))
			.toList();
	}

	static List<String> jobsAndCommands() {
		return java.util.stream.Stream.concat(jobs().stream(), DeclaredParameters.commandNames().stream()).toList();
	}

	@ParameterizedTest
	@MethodSource("jobsAndCommands")
	void eachJobsPropertiesFileDocumentsTheParametersItDeclaresAndNoOthers(String job) throws IOException {
		Path file = Path.of("jobs", job + ".properties");
		List<String> lines = Files.readAllLines(file);
		List<String> declared = DeclaredParameters.of(job).orElseThrow().names();
		for (String name : declared) {
			assertThat(lines).as("%s documents %s", file, name)
				.anyMatch(line -> line.startsWith("# " + name + " ") || line.startsWith(name + "="));
		}
		Properties defaults = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			defaults.load(in);
		}
		assertThat(defaults.stringPropertyNames()).as("parameters with a default in %s", file).isSubsetOf(declared);
	}

	@ParameterizedTest
	@MethodSource("jobs")
	void theDefaultsAreValuesTheJobAccepts(String job) {
		assertThatNoException().isThrownBy(() -> JobCommand.parse(job));
	}

	@ParameterizedTest
	@MethodSource("jobs")
	void theNightlyRunTakesTheParametersOfEveryJobItChains(String job) {
		assertThat(DeclaredParameters.of(NightlyJobConfiguration.JOB_NAME).orElseThrow().names())
			.containsAll(DeclaredParameters.of(job).orElseThrow().names());
	}

	@ParameterizedTest
	@MethodSource("jobs")
	void aJobStartedWithoutTheLaunchRefusesWhatItDoesNotDeclare(String job) {
		JobParameters misspelt = new JobParametersBuilder(launched()).addString("run.dte", "2026-11-26", false)
			.toJobParameters();
		assertThatExceptionOfType(InvalidJobParametersException.class)
			.isThrownBy(() -> DeclaredParameters.of(job).orElseThrow().validate(misspelt))
			.withMessage("unknown parameter 'run.dte' for " + job + "; did you mean 'run.date'?");
		assertThatNoException().isThrownBy(() -> DeclaredParameters.of(job).orElseThrow().validate(launched()));
	}

	@ParameterizedTest
	@MethodSource("jobs")
	void eachJobOfTheNightlyRunGetsItsOwnParameters(String job) throws InvalidJobParametersException {
		JobParameters nightly = JobCommand
			.parse("nightly", "marketplace=amazon.de", "max-headers=200", "campaigns.review-rules=review-request",
					"run.date=2026-11-26")
			.jobParameters(1);

		JobParameters own = DeclaredParameters.of(job).orElseThrow().ownOf(nightly);

		DeclaredParameters.of(job).orElseThrow().validate(own);
		assertThat(own.getLocalDate("run.date")).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(own.getIdentifyingParameters()).isEqualTo(nightly.getIdentifyingParameters());
		assertThat(own.getString("marketplace") != null).isEqualTo(job.equals("importOrders"));
		assertThat(own.getString("max-headers") != null).isEqualTo(job.equals("scanMailbox"));
		assertThat(own.getString("campaigns.review-rules") != null)
			.isEqualTo(job.equals("reconcileCampaigns") || job.equals("complianceReport"));
	}

	private static JobParameters launched() {
		return new JobParametersBuilder().addLocalDate("run.date", LocalDate.of(2026, 11, 26))
			.addLong("run.attempt", 1L)
			.addLong("nightly.instance", 7L)
			.toJobParameters();
	}

}
