package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RejectFileTests {

	@TempDir
	Path dir;

	RejectFile rejectFile(Path file) {
		return new RejectFile(PublishedFile.of(new Workspace(dir), file));
	}

	static StepExecution ended(BatchStatus status) {
		StepExecution step = MetaDataInstanceFactory.createStepExecution();
		step.setStatus(status);
		return step;
	}

	@Test
	void rejectsAreWrittenWithWhereWhyAndWhatAndCounted() throws Exception {
		RejectFile rejects = rejectFile(dir.resolve("r.csv"));
		ExecutionContext context = new ExecutionContext();
		rejects.open(context);
		rejects.onSkipInProcess("item",
				new RejectedRecordException(7, "unreadable purchase-date", "'x' is not a date", "=a\tb"));
		rejects.onSkipInRead(new RejectedRecordException(9, "unreadable purchase-date", "'y' is not a date", "c"));
		rejects.update(context);
		rejects.afterStep(ended(BatchStatus.COMPLETED));
		rejects.close();

		assertThat(Files.readAllLines(dir.resolve("r.csv"))).containsExactly("line,reason,record",
				"7,unreadable purchase-date: 'x' is not a date,'=a\tb",
				"9,unreadable purchase-date: 'y' is not a date,c");
		assertThat(context.get(RejectFile.REASONS_KEY)).isEqualTo(Map.of("unreadable purchase-date", 2L));
	}

	@Test
	void noRejectsNoFile() {
		RejectFile rejects = rejectFile(dir.resolve("r.csv"));
		rejects.open(new ExecutionContext());
		rejects.update(new ExecutionContext());
		rejects.afterStep(ended(BatchStatus.COMPLETED));
		rejects.close();
		assertThat(dir.resolve("r.csv")).doesNotExist();
		assertThat(dir.resolve("r.csv.partial")).doesNotExist();
	}

	@Test
	void restartCutsOffWhatAFailedChunkWrote() throws Exception {
		Path file = dir.resolve("r.csv");
		RejectFile first = rejectFile(file);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.onSkipInRead(new RejectedRecordException(1, "bad", "committed", "a"));
		first.update(context);
		first.onSkipInRead(new RejectedRecordException(2, "bad", "rolled back", "b"));
		first.afterStep(ended(BatchStatus.FAILED));
		first.close();
		assertThat(file).as("a failed step publishes nothing").doesNotExist();

		RejectFile restarted = rejectFile(file);
		restarted.open(context);
		restarted.onSkipInRead(new RejectedRecordException(2, "bad", "again", "b"));
		restarted.update(context);
		restarted.afterStep(ended(BatchStatus.COMPLETED));
		restarted.close();

		assertThat(Files.readAllLines(file)).containsExactly("line,reason,record", "1,bad: committed,a",
				"2,bad: again,b");
		assertThat(context.get(RejectFile.REASONS_KEY)).isEqualTo(Map.of("bad", 2L));
	}

	@Test
	void aRunKilledAfterPublishingButBeforeItsStepWasRecordedCompleteResumesFromThePublishedFile() throws Exception {
		Path file = dir.resolve("r.csv");
		RejectFile first = rejectFile(file);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.onSkipInRead(new RejectedRecordException(1, "bad", "committed", "a"));
		first.update(context);
		first.afterStep(ended(BatchStatus.COMPLETED));
		first.close();

		RejectFile resumed = rejectFile(file);
		resumed.open(context);
		resumed.update(context);
		resumed.afterStep(ended(BatchStatus.COMPLETED));
		resumed.close();

		assertThat(Files.readAllLines(file)).containsExactly("line,reason,record", "1,bad: committed,a");
	}

	@Test
	void aFreshRunRewritesTheFileWhole() throws Exception {
		Path file = dir.resolve("r.csv");
		Files.writeString(file, "line,reason,record\n1,old,x\n");
		RejectFile rejects = rejectFile(file);
		rejects.open(new ExecutionContext());
		rejects.close();
		assertThat(file).doesNotExist();
	}

}
