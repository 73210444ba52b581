package com.optoutbatch.campaigns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.optoutbatch.messages.OrderHistory;
import com.optoutbatch.support.FileParameters;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.InputSteps;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.StoredData;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * {@code reconcileCampaigns}: every campaign list against the opt-out registry, the sent
 * messages and the other lists. A first pass over the lists notes their review requests
 * (in memory: one entry per order); the second decides each row into the clean or the
 * held-back copy of its list, reading the lists that are new or changed and deciding the
 * others again from their decision files ({@link DecidedLists}); then each tool gets its
 * unsubscribe import file.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileCampaignsJobConfiguration {

	static final String JOB_NAME = "reconcileCampaigns";

	@Bean
	Job reconcileCampaigns(JobRepository jobRepository, Step keepAnUnchangedCampaignRun, Step clearCampaignRun,
			Step noteReviewRequests, Step reconcileCampaignListsManager, Step redecideCampaignListsManager,
			Step writeUnsubscribeFiles, RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(keepAnUnchangedCampaignRun)
			.on(UnchangedCampaignRun.UNCHANGED)
			.end()
			.from(keepAnUnchangedCampaignRun)
			.on("*")
			.to(clearCampaignRun)
			.next(noteReviewRequests)
			.next(reconcileCampaignListsManager)
			.next(redecideCampaignListsManager)
			.next(writeUnsubscribeFiles)
			.end()
			.listener(runFile)
			.build();
	}

	/**
	 * Ends the run at once, its outputs those of the last run, when nothing the lists are
	 * decided on changed since it.
	 */
	@Bean
	Step keepAnUnchangedCampaignRun(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InputLedger inputLedger, StoredData storedData) {
		return new StepBuilder("keepAnUnchangedCampaignRun", jobRepository)
			.tasklet(new UnchangedCampaignRun(inputLedger, storedData), transactionManager)
			.build();
	}

	/**
	 * Forgets what an earlier attempt at this run date noted and wrote: the outputs are
	 * written anew, but for the copies and decision files of the lists decided again from
	 * them.
	 */
	@Bean
	Step clearCampaignRun(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			Workspace workspace, DecidedLists decidedLists) {
		return new StepBuilder("clearCampaignRun", jobRepository).tasklet((contribution, chunk) -> {
			LocalDate runDate = runDate(chunk.getStepContext().getStepExecution());
			jdbc.update("DELETE FROM campaign_held_rows WHERE run_date = ?", runDate);
			empty(workspace.output("send-lists"), decidedLists.kept(workspace));
			empty(workspace.output(ListDecision.FOLDER), decidedLists.kept(workspace));
			empty(workspace.output("unsubscribe"), List.of());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	// what is inside, not the folder: it may be a mount point of its own
	private static void empty(Path folder, List<Path> kept) throws IOException {
		if (Files.isDirectory(folder)) {
			try (Stream<Path> entries = Files.list(folder)) {
				for (Path entry : entries.toList()) {
					if (kept.stream().noneMatch(file -> file.startsWith(entry))) {
						FileSystemUtils.deleteRecursively(entry);
					}
					else if (Files.isDirectory(entry)) {
						empty(entry, kept);
					}
				}
			}
		}
	}

	@Bean
	Step noteReviewRequests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReviewRequestNotes reviewRequestNotes) {
		// what it notes is held in memory: a restart notes it again
		return new StepBuilder("noteReviewRequests", jobRepository).tasklet(reviewRequestNotes, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	ReviewRequestNotes reviewRequestNotes(Workspace workspace, DecidedLists decidedLists,
			KeptReviewRequests keptReviewRequests) {
		return new ReviewRequestNotes(decidedLists, workspace, keptReviewRequests);
	}

	@Bean
	Step reconcileCampaignListsManager(JobRepository jobRepository, DecidedLists decidedLists,
			Step reconcileCampaignListWorker) {
		return InputSteps.perInputFile("reconcileCampaignListsManager", jobRepository,
				() -> files(decidedLists.toRead()), reconcileCampaignListWorker);
	}

	@Bean
	Step redecideCampaignListsManager(JobRepository jobRepository, DecidedLists decidedLists,
			Step redecideCampaignListWorker) {
		return InputSteps.perInputFile("redecideCampaignListsManager", jobRepository,
				() -> files(decidedLists.fromDecisions()), redecideCampaignListWorker);
	}

	@Bean
	Step redecideCampaignListWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CampaignListPatch campaignListPatch) {
		return new StepBuilder("redecideCampaignListWorker", jobRepository)
			.tasklet(campaignListPatch, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	CampaignListPatch campaignListPatch(CampaignList campaignList, CampaignRowDecider campaignRowDecider,
			Workspace workspace, JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution step) {
		return new CampaignListPatch(campaignList, campaignRowDecider, workspace, runDate(step), jdbc);
	}

	/**
	 * The lists of the run, and which are decided again from their decision files: the
	 * same for every step of the run.
	 */
	@Bean
	@JobScope
	DecidedLists decidedLists(Workspace workspace, CampaignProfiles campaignProfiles, InputLedger inputLedger,
			@Value("#{jobExecution}") JobExecution job) {
		List<CampaignList> lists = lists(workspace).get()
			.stream()
			.map(list -> openList(workspace, campaignProfiles, list, job.getJobParameters()))
			.toList();
		List<String> unchanged = InputLedger.pinnedUnchanged(job);
		return new DecidedLists(lists, workspace,
				list -> unchanged.contains(ledgerPath(list)) ? inputLedger.pinned(job, ledgerPath(list)) : null);
	}

	@Bean
	Step reconcileCampaignListWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CampaignListReader campaignListReader, CampaignRowDecider campaignRowDecider, SendListWriter sendListWriter,
			RejectFile campaignRejects, CampaignSettings settings) {
		return InputSteps
			.readAheadStep("reconcileCampaignListWorker", settings.chunkSize(), campaignRejects, jobRepository,
					transactionManager, campaignListReader, campaignRowDecider)
			.writer(sendListWriter)
			.build();
	}

	@Bean
	Step writeUnsubscribeFiles(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UnsubscribeFileWriter unsubscribeFileWriter) {
		return new StepBuilder("writeUnsubscribeFiles", jobRepository)
			.tasklet(unsubscribeFileWriter, transactionManager)
			.build();
	}

	@Bean
	@JobScope
	CampaignProfiles campaignProfiles(@Value("#{jobParameters['campaigns.profiles']}") String userFile,
			Workspace workspace) {
		// relative to the workspace, as every other file a parameter names
		return CampaignProfiles
			.load(userFile == null || userFile.isBlank() ? null : workspace.home().resolve(userFile));
	}

	// Not proxied: the row decider asks the index several times a row, and a call through
	// a
	// scoped proxy looks the bean up in its scope each time. Only step-scoped beans take
	// them.
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	KeptReviewRequests keptReviewRequests() {
		return new KeptReviewRequests();
	}

	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	SuppressionIndex suppressionIndex(JdbcTemplate jdbc, OrderHistory orderHistory,
			KeptReviewRequests keptReviewRequests,
			@Value("#{jobParameters['campaigns.review-rules'] ?: 'review-request,review-incentive'}") String reviewRules) {
		List<String> rules = Arrays.stream(reviewRules.split(","))
			.map(String::trim)
			.filter(rule -> !rule.isEmpty())
			.toList();
		return SuppressionIndex.load(jdbc, orderHistory, rules, keptReviewRequests);
	}

	// not proxied: a record cannot be; the step's reader and writer are made inside the
	// step
	@Bean
	@Scope(value = "step", proxyMode = ScopedProxyMode.NO)
	CampaignList campaignList(Workspace workspace, CampaignProfiles campaignProfiles,
			@Value("#{stepExecutionContext['input.file']}") String file,
			@Value("#{stepExecution}") StepExecution step) {
		return openList(workspace, campaignProfiles, Path.of(file), step.getJobParameters());
	}

	@Bean
	@StepScope
	CampaignListReader campaignListReader(CampaignList campaignList) {
		CampaignListReader reader = new CampaignListReader(campaignList);
		reader.setName("campaignListReader");
		return reader;
	}

	@Bean
	@StepScope
	CampaignRowDecider campaignRowDecider(SuppressionIndex suppressionIndex) {
		return new CampaignRowDecider(suppressionIndex);
	}

	@Bean
	@StepScope
	SendListWriter sendListWriter(CampaignList campaignList, Workspace workspace, JdbcTemplate jdbc,
			InputLedger inputLedger, @Value("#{stepExecution}") StepExecution step) {
		InputLedger.Fingerprint pinned = inputLedger.pinned(step.getJobExecution(), "campaigns/" + campaignList.name());
		return new SendListWriter(campaignList, workspace, runDate(step), jdbc,
				pinned == null ? null : pinned.sha256());
	}

	@Bean
	@StepScope
	RejectFile campaignRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, JOB_NAME, Path.of(file));
	}

	@Bean
	@StepScope
	UnsubscribeFileWriter unsubscribeFileWriter(JdbcTemplate jdbc, CampaignProfiles campaignProfiles,
			Workspace workspace, @Value("#{stepExecution}") StepExecution step) {
		return new UnsubscribeFileWriter(jdbc, campaignProfiles, workspace, runDate(step));
	}

	private static Supplier<List<Path>> lists(Workspace workspace) {
		return () -> CampaignLists.under(workspace.input("campaigns"));
	}

	// the ledger names an input by its path under input/, a list by its path under
	// input/campaigns/
	private static String ledgerPath(CampaignList list) {
		return "campaigns/" + list.name();
	}

	private static List<Path> files(List<CampaignList> lists) {
		return lists.stream().map(CampaignList::file).toList();
	}

	private static CampaignList openList(Workspace workspace, CampaignProfiles profiles, Path list,
			JobParameters parameters) {
		return CampaignLists.open(workspace.input("campaigns"), list, workspace.inputName(list), profiles,
				FileParameters.charsetFor(parameters, list));
	}

	private static LocalDate runDate(StepExecution step) {
		return step.getJobParameters().getLocalDate(RunFileWriter.RUN_DATE, LocalDate.now());
	}

}
