package com.optoutbatch.launch;

import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With no optout.notify.* set, a night sends nothing and says nothing of it. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationsOffJobTests extends LaunchJobTestSupport {

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.sampleOnly(workspace, jdbc);
	}

	@Test
	void aNightWithNothingConfiguredSendsNothingAndLogsNothingOfIt(CapturedOutput output) throws Exception {
		assertThat(notifications.configured()).isFalse();

		assertThat(launchWith("nightly", "run.date=2026-11-26")).isEqualTo(ExitCode.COMPLETED);

		assertThat(workspace.output("notify")).doesNotExist();
		assertThat(workspace.output("runs", "2026-11-26", "notify.json")).doesNotExist();
		assertThat(output).doesNotContain("Notifications").doesNotContain("notice: the").doesNotContain("ERROR");
	}

}
