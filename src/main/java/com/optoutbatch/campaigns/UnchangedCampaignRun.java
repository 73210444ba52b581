package com.optoutbatch.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.RunFileWriter;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the lists would be decided as the last run decided them: the same lists, the
 * same rules, nothing read into the registry since and the registry, the sent messages
 * and the seller's labels as they were ({@link InputLedger#decidedAlike}). Then the run
 * keeps that run's outputs, in place, and its held rows, noted again under this run's
 * date for the report; its exit status is {@value #UNCHANGED}.
 */
class UnchangedCampaignRun implements Tasklet {

	static final String UNCHANGED = "UNCHANGED";

	// what a list's decisions depend on besides the lists and the rules
	private static final List<String> DEPENDS_ON = List.of("SELECT COUNT(*) FROM opt_outs",
			"SELECT COUNT(*) FROM orders", "SELECT COUNT(*) FROM messages",
			"SELECT COUNT(*) FROM mailbox_imap_processed",
			"SELECT message_id || ' ' || category FROM seller_labels ORDER BY message_id");

	private final InputLedger ledger;

	private final JdbcTemplate jdbc;

	UnchangedCampaignRun(InputLedger ledger, JdbcTemplate jdbc) {
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		StepExecution step = chunk.getStepContext().getStepExecution();
		LocalDate decidedOn = ledger.decidedAlike(step.getJobExecution(), "campaigns", registryNow());
		if (decidedOn != null) {
			LocalDate runDate = step.getJobParameters().getLocalDate(RunFileWriter.RUN_DATE);
			if (!decidedOn.equals(runDate)) {
				jdbc.update("DELETE FROM campaign_held_rows WHERE run_date = ?", runDate);
				jdbc.update("""
						INSERT INTO campaign_held_rows (run_date, list_name, line, tool, order_id, buyer_alias, reason,
						                                held)
						SELECT ?, list_name, line, tool, order_id, buyer_alias, reason, held FROM campaign_held_rows
						WHERE run_date = ?""", runDate, decidedOn);
			}
			contribution.setExitStatus(new ExitStatus(UNCHANGED, "the lists were decided alike on " + decidedOn));
		}
		return RepeatStatus.FINISHED;
	}

	private String registryNow() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String query : DEPENDS_ON) {
				jdbc.queryForList(query, String.class)
					.forEach(value -> digest.update((value + "\n").getBytes(StandardCharsets.UTF_8)));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

}
