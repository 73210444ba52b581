package com.optoutbatch.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Batch records a step complete before its listeners publish the step's files: a
 * process killed in between leaves them partial, and the resumed run, which does not run
 * that step again, publishes them as its last chunk committed them.
 */
class KilledBeforeAStepPublishedJobTests extends LaunchJobTestSupport {

	@BeforeEach
	void sampleOrders() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders");
		TestWorkspace.copySample(workspace, "orders");
	}

	@Test
	void theResumedRunPublishesTheRejectsOfAStepKilledAfterItCompletedAsTheyWereCommitted() throws Exception {
		assertThat(launchWith("importOrders", "run.date=2026-11-26")).isEqualTo(ExitCode.COMPLETED);
		Path rejects;
		try (Stream<Path> files = Files.list(workspace.output("rejects", "importOrders"))) {
			rejects = files.filter(file -> file.toString().endsWith(".rejects.csv")).sorted().findFirst().orElseThrow();
		}
		String committed = Files.readString(rejects);
		// as the kill left it: the file not yet moved into place, a chunk's lines written
		// after the last commit, and the run still marked running
		Path partial = rejects.resolveSibling(rejects.getFileName() + PublishedFile.PARTIAL_SUFFIX);
		Files.move(rejects, partial);
		Files.writeString(partial, "99,written by a chunk that never committed,\n", StandardOpenOption.APPEND);
		jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL");

		assertThat(launchWith("importOrders", "run.date=2026-11-26")).isEqualTo(ExitCode.COMPLETED);

		assertThat(rejects).hasContent(committed);
		assertThat(partial).doesNotExist();
	}

}
