package com.optoutbatch.launch;

import java.nio.file.Path;
import java.time.ZoneId;

import com.optoutbatch.OptOutBatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong installation setting fails the start with one line that names its key and what
 * was expected.
 */
@ExtendWith(OutputCaptureExtension.class)
class WrongSettingTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			optout.orders.chunk-size=0       | optout.orders.chunk-size: expected a whole number from 1 up, got 0
			optout.orders.chunk-size=abc     | optout.orders.chunk-size: expected a whole number, got 'abc'
			optout.mailbox.max-parts=-1      | optout.mailbox.max-parts: expected a whole number from 1 up, got -1
			optout.mailbox.imap.port=99999   | optout.mailbox.imap.port: expected a port from 1 to 65535, got 99999
			optout.mailbox.imap.tls=maybe    | optout.mailbox.imap.tls: expected true or false, got 'maybe'
			optout.campaigns.batch-size=500 | optout.campaigns.batch-size: no such setting
			""")
	void aWrongSettingFailsTheStartNamingItsKey(String setting, String reason, CapturedOutput output) {
		int exitCode = Launcher.launch(OptOutBatchApplication.class, RunStatusCommand.COMMAND, "--" + setting,
				"--optout.home=" + home);

		assertThat(exitCode).isEqualTo(ExitCode.FAILED.code());
		assertThat(output.getErr().lines()).contains("optout-batch: cannot run status: " + reason);
	}

	@Test
	void aWrongScheduleIsRefusedBeforeTheSchedulerStarts(CapturedOutput output) {
		int exitCode = NightlySchedule.run("--optout.schedule.cron=0 30 2 * *", "--optout.home=" + home);

		assertThat(exitCode).isEqualTo(ExitCode.USAGE.code());
		assertThat(output.getErr().lines()).containsExactly("optout-batch: cannot schedule: optout.schedule.cron: "
				+ "expected six fields: second minute hour day month weekday, such as '0 30 2 * * *', got '0 30 2 * *'");
	}

	@Test
	void theScheduleIsReadFromTheSchedulersCommandLine() {
		ScheduleSettings settings = ScheduleSettings.of("--optout.schedule.cron=0 0 3 * * *",
				"--optout.schedule.zone=Europe/Berlin");

		assertThat(settings.cronExpression()).hasToString("0 0 3 * * *");
		assertThat(settings.zoneId()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(ScheduleSettings.of().cron()).isEqualTo("0 30 2 * * *");
	}

	@Test
	void theShippedSettingsStartTheApplication(CapturedOutput output) {
		int exitCode = Launcher.launch(OptOutBatchApplication.class, RunStatusCommand.COMMAND, "--optout.home=" + home);

		assertThat(exitCode).isEqualTo(ExitCode.COMPLETED.code());
		assertThat(output.getErr()).doesNotContain("optout-batch:");
	}

}
