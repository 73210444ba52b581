package com.optoutbatch.launch;

import java.time.LocalDate;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.RecordedRun;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static com.optoutbatch.support.RecordedRun.badRecords;
import static org.assertj.core.api.Assertions.assertThat;

/** The exit code and the one line a launch ends with, from the run it launched. */
class OutcomeJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	JobRepository repository;

	@Autowired
	RunFileWriter runFileWriter;

	@BeforeEach
	void emptyWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc);
	}

	@Test
	void aNightWhoseOptOutSourcesWereNotAllReadWholeEndsWithItsOwnExitCodeNamingThemAndWhy() {
		RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0, RejectedRecordException.wholeFile("not a text file", ""))
			.input("mailbox", "inbox.mbox", 40,
					RejectedRecordException.unparseable("message 3", "unparseable message", "", ""),
					RejectedRecordException.unparseable("message 9", "unparseable message", "", ""),
					RejectedRecordException.unparseable("message 12", "unparseable message", "", ""))
			.input("optouts", "list.txt", 10, badRecords(2))
			.completed(runFileWriter);
		JobExecution night = RecordedRun.of(repository, workspace, "nightly", RUN_DATE).completed();

		Outcome outcome = Outcome.of(night, workspace, repository);

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE);
		assertThat(outcome.exitCode().code()).isEqualTo(5);
		assertThat(outcome.reason()).isEqualTo("nightly completed, but 2 opt-out sources could not be read whole: "
				+ "blacklist.csv (not a text file), inbox.mbox (3 unreadable records); "
				+ "the send lists may still hold opted-out buyers");
	}

	@Test
	void scanMailboxByItselfSaysTheSame() {
		JobExecution scan = RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("mailbox", "imap-seller@mail.example-INBOX", 0,
					RejectedRecordException.wholeFile("unreachable IMAP folder", "authentication failed"))
			.completed(runFileWriter);

		Outcome outcome = Outcome.of(scan, workspace, repository);

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE);
		assertThat(outcome.reason()).startsWith("scanMailbox completed, but 1 opt-out source could not be read whole: "
				+ "imap-seller@mail.example-INBOX (unreachable IMAP folder: authentication failed);");
	}

	@Test
	void recordsRejectedForTheirValuesLeaveNothingUnreadAndTheNightCompletes() {
		RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "list.txt", 10, badRecords(2))
			.completed(runFileWriter);
		JobExecution night = RecordedRun.of(repository, workspace, "nightly", RUN_DATE).completed();

		assertThat(Outcome.of(night, workspace, repository)).isEqualTo(Outcome.COMPLETED);
	}

	@Test
	void jobsThatReadNoOptOutSourceAreNotHeldToThem() {
		RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0, RejectedRecordException.wholeFile("not a text file", ""))
			.completed(runFileWriter);
		JobExecution orders = RecordedRun.of(repository, workspace, "importOrders", RUN_DATE).completed();

		assertThat(Outcome.of(orders, workspace, repository)).isEqualTo(Outcome.COMPLETED);
	}

}
