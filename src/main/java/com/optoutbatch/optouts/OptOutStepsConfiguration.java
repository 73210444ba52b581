package com.optoutbatch.optouts;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.InputSteps;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The registry's own steps, for the jobs that keep it: {@code importOptOutListsManager}
 * joins the lists of {@code input/optouts/} (one partition per file),
 * {@code exportOptOuts} writes {@code output/optouts/opt-outs.csv}.
 */
@Configuration(proxyBeanMethods = false)
public class OptOutStepsConfiguration {

	/**
	 * The job whose rejects folder holds the lists' rejects: the registry is kept by
	 * scanMailbox.
	 */
	static final String REJECTS_JOB = "scanMailbox";

	private static final Logger log = LoggerFactory.getLogger(OptOutStepsConfiguration.class);

	@Bean
	public Step importOptOutListsManager(JobRepository jobRepository, Workspace workspace, InputLedger inputLedger,
			Step importOptOutListWorker) {
		return InputSteps.perNewInputFile("importOptOutListsManager", jobRepository, inputLedger,
				() -> workspace.inputFiles("optouts"), importOptOutListWorker);
	}

	@Bean
	Step importOptOutListWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OptOutListReader optOutListReader, OptOutRegistry registry, RejectFile optOutListRejects) {
		ItemWriter<OptOut> writer = (Chunk<? extends OptOut> optOuts) -> registry
			.record(List.copyOf(optOuts.getItems()));
		return InputSteps
			.<OptOutListLine, OptOut>recordStep("importOptOutListWorker", 1000, optOutListRejects, jobRepository,
					transactionManager)
			.reader(optOutListReader)
			.processor(new OptOutListParser())
			.writer(writer)
			.build();
	}

	@Bean
	@StepScope
	OptOutListReader optOutListReader(@Value("#{stepExecutionContext['input.file']}") String file) {
		OptOutListReader reader = new OptOutListReader(Path.of(file));
		reader.setName("optOutListReader");
		return reader;
	}

	@Bean
	@StepScope
	RejectFile optOutListRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, REJECTS_JOB, Path.of(file));
	}

	@Bean
	public Step exportOptOuts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Workspace workspace, OptOutRegistry registry) {
		return new StepBuilder("exportOptOuts", jobRepository).tasklet((contribution, chunkContext) -> {
			Path file = workspace.output("optouts", "opt-outs.csv");
			int rows = registry.export(workspace, file);
			log.info("{}: {} opt-outs", workspace.home().relativize(file), rows);
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

}
