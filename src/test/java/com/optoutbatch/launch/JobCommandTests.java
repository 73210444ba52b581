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
		assertThat(command.parameters()).containsEntry("marketplace", "amazon.de")
			.containsEntry("run.date", "2026-11-20");
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
	void misspeltParameterIsRefusedWithTheClosestKnownName() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "marketplce=amazon.de"))
			.withMessage("unknown parameter 'marketplce' for importOrders; did you mean 'marketplace'?");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("nightly", "max-header=50"))
			.withMessage("unknown parameter 'max-header' for nightly; did you mean 'max-headers'?");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobCommand.parse("importOrders", "charst.*-jp.txt=windows-31j"))
			.withMessage("unknown parameter 'charst.*-jp.txt' for importOrders; did you mean 'charset.*-jp.txt'?");
	}

	@Test
	void unknownParameterIsRefusedWithTheParametersTheJobTakes() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "nosuch.param=1"))
			.withMessage("unknown parameter 'nosuch.param' for importOrders; "
					+ "its parameters: run.date, marketplace, charset.<glob>, rejects.max-share, inputs, inputs.after");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobCommand.parse("complianceReport", "marketplace=amazon.de"))
			.withMessageStartingWith("unknown parameter 'marketplace' for complianceReport");
	}

	@Test
	void valueOfTheWrongTypeOrOutOfRangeIsRefusedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "rejects.max-share=abc"))
			.withMessage("rejects.max-share=abc is not a share from 0 to 1, such as 0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("nightly", "rejects.max-share=1.5"))
			.withMessageStartingWith("rejects.max-share=1.5 is not a share from 0 to 1");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("scanMailbox", "max-headers=abc"))
			.withMessage("max-headers=abc is not a whole number from 1 to 2147483647");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("scanMailbox", "max-parts=0"))
			.withMessageStartingWith("max-parts=0 is not a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("scanMailbox", "max-message-bytes=25MB"))
			.withMessageStartingWith("max-message-bytes=25MB is not a number of bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "marketplace=germany"))
			.withMessage("marketplace=germany is not an Amazon marketplace, such as amazon.de");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobCommand.parse("importOrders", "charset.*.txt=latin-9x"))
			.withMessageStartingWith("charset.*.txt=latin-9x is not a charset");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "charset.[a.txt=UTF-8"))
			.withMessageStartingWith("charset.[a.txt=UTF-8 names no file pattern: '[a.txt'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobCommand.parse("scanMailbox", "trusted-forwarders=me at shop"))
			.withMessageStartingWith("trusted-forwarders=me at shop is not a list of e-mail addresses or domains");
	}

	@Test
	void everyParameterTheJobsReadIsAccepted() {
		assertThat(JobCommand
			.parse("importOrders", "marketplace=Amazon.de", "charset.*-jp.txt=windows-31j", "rejects.max-share=0")
			.parameters()).containsEntry("charset.*-jp.txt", "windows-31j");
		assertThat(JobCommand
			.parse("importMessages", "messages.rules=config/rules.yml", "messages.profiles=config/profiles.yml",
					"messages.profile.fw-*.csv=feedbackwhiz", "charset.*.csv=UTF-8", "rejects.max-share=0.25")
			.parameters()).containsEntry("messages.profile.fw-*.csv", "feedbackwhiz");
		assertThat(JobCommand
			.parse("scanMailbox", "rules=config/notice-rules.yml", "trusted-forwarders=me@shop.com, shop.co.uk",
					"max-message-bytes=1048576", "max-headers=200", "max-mime-depth=5", "max-parts=50",
					"rejects.max-share=1")
			.parameters()).containsEntry("max-headers", "200");
		assertThat(JobCommand
			.parse("reconcileCampaigns", "campaigns.profiles=config/profiles.yml",
					"campaigns.review-rules=review-request", "charset.*.tsv=windows-1252")
			.parameters()).containsEntry("campaigns.review-rules", "review-request");
		assertThat(JobCommand
			.parse("nightly", "marketplace=amazon.co.jp", "max-headers=200",
					"campaigns.review-rules=review-request,review-incentive")
			.parameters()).containsEntry("marketplace", "amazon.co.jp");
	}

	@Test
	void jobNameIsCheckedAgainstTheKnownJobs() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("../../escape"))
			.withMessage("no job named '../../escape'; jobs: importOrders, importMessages, scanMailbox, "
					+ "reconcileCampaigns, complianceReport, trainClassifier, fleetNightly, nightly");
	}

	@Test
	void notifyIsACommandWhoseParametersAreCheckedAsAJobs() {
		assertThat(
				JobCommand.parse("notify", "run.date=2026-11-26", "to=me@shop.example, ops@shop.example").parameters())
			.containsEntry("to", "me@shop.example, ops@shop.example");
		assertThat(DeclaredParameters.isCommand("notify")).isTrue();
		assertThat(DeclaredParameters.jobNames()).doesNotContain("notify");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("notify", "to=shop.example"))
			.withMessageStartingWith("to=shop.example is not a list of e-mail addresses");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("notify", "notify.tset=true"))
			.withMessage("unknown parameter 'notify.tset' for notify; did you mean 'notify.test'?");
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("notify", "notify.test=yes"))
			.withMessage("notify.test=yes is not true or false");
	}

	@Test
	void theAttemptIsTheLaunchsToKeep() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobCommand.parse("importOrders", "run.attempt=3"))
			.withMessageContaining("--rerun");
	}

	@Test
	void anEmptyValueLeavesTheBuiltInDefault() {
		assertThat(JobCommand.parse("importOrders", "rejects.max-share=").parameters())
			.doesNotContainKey("rejects.max-share");
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
