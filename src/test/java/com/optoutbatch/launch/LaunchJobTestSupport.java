package com.optoutbatch.launch;

import java.util.List;
import java.util.stream.Stream;

import com.optoutbatch.notify.Notifications;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.ReadingBasis;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * What job tests need that launch a job as the command line does: pinning its inputs,
 * resuming a stopped run or starting it over, skipping what a completed run read.
 */
abstract class LaunchJobTestSupport extends JobTestSupport {

	@Autowired
	List<Job> allJobs;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository repository;

	@Autowired
	InputLedger inputLedger;

	@Autowired
	ReadingBasis readingBasis;

	@Autowired
	Notifications notifications;

	/** Launches as {@code scripts/run-job.sh} would with these arguments. */
	ExitCode launchWith(String... args) throws Exception {
		JobRunner runner = new JobRunner(allJobs, jobOperator, repository, workspace, inputLedger, readingBasis,
				notifications);
		runner.run(new DefaultApplicationArguments(args));
		int code = runner.getExitCode();
		return Stream.of(ExitCode.values()).filter(exit -> exit.code() == code).findFirst().orElseThrow();
	}

}
