package com.optoutbatch.support;

import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PublishedFileTests {

	@TempDir
	Path home;

	Workspace workspace() {
		return new Workspace(home);
	}

	@Test
	void aFileIsOnlyInPlaceOnceItIsWhole() throws Exception {
		Path file = home.resolve("output/send-lists/list.clean.csv");
		PublishedFile published = PublishedFile.of(workspace(), file);
		Writer writer = published.create(StandardCharsets.UTF_8);
		writer.write("order_id\n112-0000000-0000001\n");
		published.flush();
		assertThat(file).doesNotExist();
		assertThat(published.partial()).hasContent("order_id\n112-0000000-0000001\n");

		published.publish();

		assertThat(file).hasContent("order_id\n112-0000000-0000001\n");
		assertThat(published.partial()).doesNotExist();
	}

	@Test
	void aResumedFileIsCutToItsCommittedLengthAndAppendedTo() throws Exception {
		Path file = home.resolve("output/list.csv");
		PublishedFile first = PublishedFile.of(workspace(), file);
		first.create(StandardCharsets.UTF_8).write("header\nrow 1\n");
		long committed = first.flush();
		first.writer().write("row 2 of a chunk that did not commit\n");
		first.close();

		PublishedFile resumed = PublishedFile.of(workspace(), file);
		resumed.open(committed, StandardCharsets.UTF_8).write("row 2\n");
		resumed.publish();

		assertThat(file).hasContent("header\nrow 1\nrow 2\n");
	}

	@Test
	void aFailedWholeFileLeavesTheFileOfTheEarlierRunAndNoPartialFile() throws Exception {
		Path file = Files.createDirectories(home.resolve("output/optouts")).resolve("opt-outs.csv");
		Files.writeString(file, "the earlier run's registry\n");

		assertThatThrownBy(() -> PublishedFile.write(workspace(), file, StandardCharsets.UTF_8, writer -> {
			writer.write("half of ");
			throw new IllegalStateException("the database went away");
		})).hasMessage("the database went away");

		assertThat(file).hasContent("the earlier run's registry\n");
		assertThat(file.resolveSibling("opt-outs.csv.partial")).doesNotExist();
	}

	@Test
	void aFullDiskIsNamedWithTheFileUnderTheWorkspace() throws Exception {
		Path full = Path.of("/dev/full");
		assumeTrue(Files.isWritable(full), "needs /dev/full, whose writes fail as on a full disk");
		Path file = Files.createDirectories(home.resolve("output/send-lists/generic")).resolve("list.clean.csv");
		Files.createSymbolicLink(file.resolveSibling("list.clean.csv.partial"), full);

		assertThatThrownBy(() -> PublishedFile.write(workspace(), file, StandardCharsets.UTF_8,
				writer -> writer.write("x".repeat(1 << 16))))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessage("No space left on device writing output/send-lists/generic/list.clean.csv")
			.rootCause()
			.hasMessage("No space left on device writing output/send-lists/generic/list.clean.csv");
		assertThat(file).doesNotExist();
	}

	@Test
	void aFileThatCannotBeMovedIntoPlaceIsNamed() throws Exception {
		Path file = Files.createDirectories(home.resolve("output/reports/2026-11-26/index.html"));
		Files.writeString(file.resolve("in-the-way.txt"), "a folder where the page goes");

		assertThatThrownBy(
				() -> PublishedFile.write(workspace(), file, StandardCharsets.UTF_8, writer -> writer.write("<html>")))
			.hasMessage("Is a directory writing output/reports/2026-11-26/index.html");
		assertThat(file.resolveSibling("index.html.partial")).doesNotExist();
	}

	@Test
	void resumingAFileWhosePartialFileIsGoneFailsAndSaysWhatToDo() {
		PublishedFile lost = PublishedFile.of(workspace(), home.resolve("output/list.csv"));

		assertThatThrownBy(() -> lost.open(120, StandardCharsets.UTF_8))
			.hasMessageContaining("cannot resume output/list.csv")
			.hasMessageContaining("--rerun");
	}

	@Test
	void aStepRecordedCompleteBeforeItPublishedHasItsFilesPublishedAsCommittedAndAnUnfinishedStepHasNot()
			throws Exception {
		Path file = home.resolve("output/rejects/orders.txt.rejects.csv");
		PublishedFile published = PublishedFile.of(workspace(), file);
		Writer writer = published.create(StandardCharsets.UTF_8);
		writer.write("line,reason,record\n2,unreadable date,x\n");
		long committed = published.flush();
		writer.write("3,uncommitted,y\n");
		published.flush();
		published.close();
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "importOrders"), new JobParameters());
		StepExecution unfinished = new StepExecution(1L, "importOrderReportWorker:file0", job);
		published.noteCommitted(unfinished.getExecutionContext(), committed);
		StepExecution completed = new StepExecution(2L, "importOrderReportWorker:file0", job);
		completed.setExecutionContext(unfinished.getExecutionContext());
		completed.setStatus(BatchStatus.COMPLETED);

		assertThat(PublishedFile.publishCompleted(unfinished)).isEmpty();
		assertThat(file).doesNotExist();

		assertThat(PublishedFile.publishCompleted(completed)).containsExactly(file.toAbsolutePath().normalize());
		assertThat(file).hasContent("line,reason,record\n2,unreadable date,x\n");
		assertThat(published.partial()).doesNotExist();
	}

}
