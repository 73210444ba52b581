package com.optoutbatch.campaigns;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RecordTally.RecordCounts;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides an unchanged list again from its decision file ({@link ListDecision}), without
 * parsing it: each row's verdict against this night's registry, its bytes copied from the
 * copy that held it into the copy its verdict now names. The copies come out as deciding
 * the list whole would write them; its rejects stay those of the run that read it. The
 * new decision file and both copies are published together when the list is done; a run
 * that fails before starts this list over.
 */
class CampaignListPatch implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CampaignListPatch.class);

	private static final int REMEMBER_BATCH = 10_000;

	private final CampaignList list;

	private final CampaignRowDecider decider;

	private final Workspace workspace;

	private final LocalDate runDate;

	private final JdbcTemplate jdbc;

	private final Map<Verdict, byte[]> suffixes = new HashMap<>();

	CampaignListPatch(CampaignList list, CampaignRowDecider decider, Workspace workspace, LocalDate runDate,
			JdbcTemplate jdbc) {
		this.list = list;
		this.decider = decider;
		this.workspace = workspace;
		this.runDate = runDate;
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		long started = System.nanoTime();
		Path decisionFile = ListDecision.of(workspace, list.file());
		Path cleanFile = SendListWriter.sendList(workspace, list.file(), "clean");
		Path suppressedFile = SendListWriter.sendList(workspace, list.file(), "suppressed");
		ListDecision.Trailer last = ListDecision.trailer(decisionFile);
		if (last == null || !ListDecision.inPlace(cleanFile, last.clean())
				|| !ListDecision.inPlace(suppressedFile, last.suppressed())) {
			Files.deleteIfExists(decisionFile);
			throw new IllegalStateException("the copies of " + list.name()
					+ " are not those its decision file describes: launch again with --rerun to decide it whole");
		}
		Copy clean = new Copy(PublishedFile.of(workspace, cleanFile));
		Copy suppressed = new Copy(PublishedFile.of(workspace, suppressedFile));
		PublishedFile decision = PublishedFile.of(workspace, decisionFile);
		Map<String, Long> heldBack = new LinkedHashMap<>();
		List<DecidedRow> remembered = new ArrayList<>();
		try {
			ByteBuffer rows = ListDecision.bytes(decisionFile);
			ByteBuffer lastClean = ListDecision.bytes(cleanFile);
			ByteBuffer lastSuppressed = ListDecision.bytes(suppressedFile);
			decision.create(StandardCharsets.ISO_8859_1);
			DataOutputStream decided = new DataOutputStream(new BufferedOutputStream(decision.stream(), 1 << 16));
			byte[] bytes = new byte[1 << 16];
			clean.copy(lastClean, (int) last.clean().headerLength(), bytes);
			suppressed.copy(lastSuppressed, (int) last.suppressed().headerLength(), bytes);
			for (long i = 0; i < last.rows(); i++) {
				ListDecision.Row row = ListDecision.read(rows);
				ByteBuffer from = row.verdict().held() ? lastSuppressed : lastClean;
				if (bytes.length < row.cellBytes()) {
					bytes = new byte[row.cellBytes()];
				}
				from.get(bytes, 0, row.cellBytes());
				from.position(from.position() + suffix(row.verdict()).length);
				CheckedRow checked = row.checked(list.name());
				Verdict now = decider.decide(checked);
				Copy to = now.held() ? suppressed : clean;
				to.out.write(bytes, 0, row.cellBytes());
				to.out.write(suffix(now));
				ListDecision.write(decided, row.with(now));
				if (now.held()) {
					heldBack.merge(now.reason().name(), 1L, Long::sum);
				}
				if (now.remembered() != null) {
					remembered.add(new DecidedRow(null, checked, now));
					if (remembered.size() == REMEMBER_BATCH) {
						SendListWriter.remember(jdbc, runDate, list, remembered);
						remembered.clear();
					}
				}
			}
			SendListWriter.remember(jdbc, runDate, list, remembered);
			decided.flush();
			ListDecision.finish(decided, Files.size(decision.partial()),
					new ListDecision.Trailer(last.listSha256(), last.shape(), last.rows(), last.read(), last.rejected(),
							last.rejectReasons(), clean.finish(last.clean()), suppressed.finish(last.suppressed())));
			decided.flush();
		}
		catch (IOException | RuntimeException e) {
			decision.discard();
			clean.file.discard();
			suppressed.file.discard();
			throw e;
		}
		// the decision file first: it names the copies it describes
		// (ListDecision.inPlace)
		decision.publish();
		clean.file.publish();
		suppressed.file.publish();
		ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		RecordTally.put(context, new RecordCounts(last.read(), last.rows(), 0, last.rejected()));
		context.put(RecordTally.FILTER_REASONS_KEY, heldBack);
		context.put(RejectFile.REASONS_KEY, new LinkedHashMap<>(last.rejectReasons()));
		log.info("{}: decided again from its decision file: {} rows, {} held back ({} ms)", list.name(), last.rows(),
				heldBack.values().stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1_000_000);
		return RepeatStatus.FINISHED;
	}

	private byte[] suffix(Verdict verdict) {
		return suffixes.computeIfAbsent(verdict, v -> {
			CSVFormat csv = list.format().writeFormat();
			Charset charset = list.format().charset().charset();
			return SendListWriter.suffix(csv, list.format(), v.reason()).getBytes(charset);
		});
	}

	/** A copy of the list being written: its bytes counted and checksummed. */
	private static final class Copy {

		private final PublishedFile file;

		private final CRC32C crc = new CRC32C();

		private final OutputStream out;

		Copy(PublishedFile file) {
			this.file = file;
			file.create(StandardCharsets.ISO_8859_1);
			this.out = new CheckedOutputStream(new BufferedOutputStream(file.stream(), 1 << 16), crc);
		}

		void copy(ByteBuffer from, int length, byte[] bytes) throws IOException {
			for (int left = length; left > 0; left -= Math.min(left, bytes.length)) {
				from.get(bytes, 0, Math.min(left, bytes.length));
				out.write(bytes, 0, Math.min(left, bytes.length));
			}
		}

		ListDecision.Copy finish(ListDecision.Copy last) {
			try {
				out.flush();
				return new ListDecision.Copy(Files.size(file.partial()), crc.getValue(), last.headerLength());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
		}

	}

}
