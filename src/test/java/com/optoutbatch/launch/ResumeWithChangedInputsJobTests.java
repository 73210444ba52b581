package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.optoutbatch.optouts.OptOut;
import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.optouts.OptOutSource;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;

/**
 * A run whose inputs changed between its failure and the next launch (a file edited,
 * added or removed) is not resumed, which would mix two versions of them: it starts again
 * from its beginning as a new attempt, says so, and ends with the outputs of an
 * uninterrupted run on the inputs as they are now.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResumeWithChangedInputsJobTests extends LaunchJobTestSupport {

	static final String RUN_DATE = "run.date=2026-11-26";

	static final String BIG_LIST = "campaigns/generic/big.csv";

	static final String HEADER = "order_id,buyer_alias,campaign,planned_send_date,purpose\n";

	@Autowired
	OptOutRegistry registry;

	@MockitoSpyBean
	JdbcTemplate jdbcTemplate;

	/**
	 * The held-rows insert that fails (each chunk of a list makes one); 0 while the
	 * database works.
	 */
	final AtomicInteger failingInsert = new AtomicInteger();

	final AtomicInteger inserts = new AtomicInteger();

	@BeforeEach
	void aBigListAndADatabaseThatFailsOnRequest() throws IOException {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "campaign_held_rows", "opt_outs", "messages", "orders");
		write(BIG_LIST, HEADER + rows(0, 5_000));
		doAnswer(invocation -> {
			if (inserts.incrementAndGet() == failingInsert.get()) {
				throw new IllegalStateException("database went away");
			}
			return invocation.callRealMethod();
		}).when(jdbcTemplate)
			.batchUpdate(startsWith("INSERT INTO campaign_held_rows"), anyCollection(), anyInt(), any());
	}

	@Test
	void listEditedAfterAFailedRunIsDecidedAgainFromItsFirstRow(CapturedOutput output) throws Exception {
		failingInsert.set(3);
		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.FAILED);
		write(BIG_LIST, HEADER + rows(1_000, 5_000));

		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.COMPLETED);

		assertThat(sendList("generic/big.clean.csv"))
			.hasSameBinaryContentAs(workspace.home().resolve("input/" + BIG_LIST));
		assertThat(output.getErr()).contains("optout-batch: notice: the inputs of reconcileCampaigns for run.date "
				+ "2026-11-26 changed since attempt 1 stopped (changed: campaigns/generic/big.csv): "
				+ "starting it again from the beginning as attempt 2");
		JsonNode startedOver = runFile("reconcileCampaigns").get("startedOver");
		assertThat(startedOver.get("fromAttempt").asLong()).isEqualTo(1);
		assertThat(startedOver.get("changed").get(0).asString()).isEqualTo("campaigns/generic/big.csv");
		assertThat(outputsOfAnUninterruptedRun()).isEqualTo(outputs());
	}

	@Test
	void listAddedAfterAFailedRunIsDecidedWithTheOthers(CapturedOutput output) throws Exception {
		for (int i = 0; i < 5_000; i += 100) {
			registry.record(List.of(new OptOut("amazon.com", orderId(i), null,
					OffsetDateTime.parse("2026-11-20T10:00:00Z"), OptOutSource.IMPORT, "test")));
		}
		failingInsert.set(3);
		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.FAILED);
		write("campaigns/generic/added.csv", HEADER + rows(6_000, 6_500));

		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.COMPLETED);

		assertThat(output.getErr()).contains("(added: campaigns/generic/added.csv)");
		assertThat(sendList("generic/added.clean.csv"))
			.hasSameBinaryContentAs(workspace.home().resolve("input/campaigns/generic/added.csv"));
		assertThat(Files.readAllLines(sendList("generic/big.clean.csv"))).hasSize(1 + 5_000 - 50);
		assertThat(Files.readAllLines(sendList("generic/big.suppressed.csv"))).hasSize(1 + 50);
		assertThat(outputsOfAnUninterruptedRun()).isEqualTo(outputs());
	}

	@Test
	void unchangedInputsResumeWhereTheRunStopped(CapturedOutput output) throws Exception {
		failingInsert.set(3);
		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.FAILED);

		assertThat(launch("reconcileCampaigns")).isEqualTo(ExitCode.COMPLETED);

		assertThat(output.getOut()).contains("Resuming reconcileCampaigns for run.date 2026-11-26 (attempt 1)");
		assertThat(output.getErr()).doesNotContain("notice");
		assertThat(runFile("reconcileCampaigns").get("startedOver").isNull()).isTrue();
		assertThat(sendList("generic/big.clean.csv"))
			.hasSameBinaryContentAs(workspace.home().resolve("input/" + BIG_LIST));
		assertThat(jdbc.queryForList("SELECT DISTINCT outcome FROM input_ledger WHERE run_attempt = 1", String.class))
			.containsExactly("READ");
	}

	@Test
	void binaryOptOutListRemovedAfterAFailedNightLetsAPlainRelaunchComplete(CapturedOutput output) throws Exception {
		TestWorkspace.delete(workspace.input("campaigns"));
		TestWorkspace.copySample(workspace, "optouts");
		byte[] binary = new byte[8_192];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) (i % 37 == 36 ? '\n' : 0x80 + i % 97);
		}
		Files.write(workspace.input("optouts").resolve("export.bin"), binary);
		assertThat(launch("scanMailbox")).isEqualTo(ExitCode.FAILED);
		Files.delete(workspace.input("optouts").resolve("export.bin"));

		assertThat(launch("scanMailbox")).isEqualTo(ExitCode.COMPLETED);

		assertThat(output.getErr()).contains("(removed: optouts/export.bin)");
		assertThat(runFile("scanMailbox").get("status").asString()).isEqualTo("COMPLETED");
	}

	private ExitCode launch(String job, String... more) throws Exception {
		inserts.set(0);
		ExitCode exit = launchWith(Stream.concat(Stream.of(job, RUN_DATE), Stream.of(more)).toArray(String[]::new));
		failingInsert.set(0);
		return exit;
	}

	/** What an uninterrupted run on the inputs as they are now writes. */
	private Map<String, String> outputsOfAnUninterruptedRun() throws Exception {
		assertThat(launch("reconcileCampaigns", "--rerun")).isEqualTo(ExitCode.COMPLETED);
		return outputs();
	}

	private Map<String, String> outputs() throws IOException {
		Map<String, String> files = new TreeMap<>();
		for (String folder : List.of("send-lists", "unsubscribe")) {
			Path root = workspace.output(folder);
			if (Files.isDirectory(root)) {
				try (Stream<Path> paths = Files.walk(root)) {
					for (Path file : paths.filter(Files::isRegularFile).toList()) {
						files.put(folder + "/" + root.relativize(file), Files.readString(file));
					}
				}
			}
		}
		return files;
	}

	private JsonNode runFile(String job) {
		return JsonMapper.builder().build().readTree(workspace.output("runs", "2026-11-26", job + ".json").toFile());
	}

	private Path sendList(String name) {
		return workspace.output("send-lists").resolve(name);
	}

	private void write(String path, String text) throws IOException {
		Path file = workspace.home().resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static String rows(int from, int to) {
		StringBuilder rows = new StringBuilder();
		for (int i = from; i < to; i++) {
			rows.append(orderId(i)).append(",,Thanks,2026-11-28,thank_you\n");
		}
		return rows.toString();
	}

	private static String orderId(int i) {
		return String.format("112-%07d-%07d", i, i);
	}

}
