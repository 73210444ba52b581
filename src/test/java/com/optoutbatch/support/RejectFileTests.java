package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class RejectFileTests {

	@TempDir
	Path dir;

	@Test
	void rejectsAreWrittenWithWhereWhyAndWhatAndCounted() throws Exception {
		RejectFile rejects = new RejectFile(dir.resolve("r.csv"));
		ExecutionContext context = new ExecutionContext();
		rejects.open(context);
		rejects.onSkipInProcess("item", new RejectedRecordException(7, "unreadable purchase-date", "'x' is not a date", "=a\tb"));
		rejects.onSkipInRead(new RejectedRecordException(9, "unreadable purchase-date", "'y' is not a date", "c"));
		rejects.update(context);
		rejects.close();

		assertThat(Files.readAllLines(dir.resolve("r.csv"))).containsExactly("line,reason,record",
				"7,unreadable purchase-date: 'x' is not a date,'=a\tb", "9,unreadable purchase-date: 'y' is not a date,c");
		assertThat(context.get(RejectFile.REASONS_KEY)).isEqualTo(Map.of("unreadable purchase-date", 2L));
	}

	@Test
	void noRejectsNoFile() {
		RejectFile rejects = new RejectFile(dir.resolve("r.csv"));
		rejects.open(new ExecutionContext());
		rejects.update(new ExecutionContext());
		rejects.close();
		assertThat(dir.resolve("r.csv")).doesNotExist();
	}

	@Test
	void restartCutsOffWhatAFailedChunkWrote() throws Exception {
		Path file = dir.resolve("r.csv");
		RejectFile first = new RejectFile(file);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.onSkipInRead(new RejectedRecordException(1, "bad", "committed", "a"));
		first.update(context);
		first.onSkipInRead(new RejectedRecordException(2, "bad", "rolled back", "b"));
		first.close();

		RejectFile restarted = new RejectFile(file);
		restarted.open(context);
		restarted.onSkipInRead(new RejectedRecordException(2, "bad", "again", "b"));
		restarted.update(context);
		restarted.close();

		assertThat(Files.readAllLines(file)).containsExactly("line,reason,record", "1,bad: committed,a", "2,bad: again,b");
		assertThat(context.get(RejectFile.REASONS_KEY)).isEqualTo(Map.of("bad", 2L));
	}

	@Test
	void aFreshRunRewritesTheFileWhole() throws Exception {
		Path file = dir.resolve("r.csv");
		Files.writeString(file, "line,reason,record\n1,old,x\n");
		RejectFile rejects = new RejectFile(file);
		rejects.open(new ExecutionContext());
		rejects.close();
		assertThat(file).doesNotExist();
	}

}
