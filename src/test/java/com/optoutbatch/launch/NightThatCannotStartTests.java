package com.optoutbatch.launch;

import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.optoutbatch.OptOutBatchApplication;
import com.optoutbatch.support.TestWorkspace;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night whose application cannot start, its database out of reach, still alerts: the
 * exit code says it failed, and the alert reaches the seller.
 */
class NightThatCannotStartTests {

	@TempDir
	Path home;

	GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		smtp.stop();
	}

	@Test
	void aNightWhoseDatabaseIsOutOfReachFailsAndSendsItsAlert() throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));

		int exitCode = Launcher.launch(OptOutBatchApplication.class, "nightly", "run.date=2026-11-26",
				"--optout.home=" + home, "--spring.datasource.url=jdbc:postgresql://localhost:9/optout",
				"--spring.datasource.hikari.connection-timeout=250", "--spring.mail.host=localhost",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--optout.notify.to=seller@shop.example",
				"--optout.notify.from=optout-batch@shop.example", "--optout.notify.retries=0");

		assertThat(exitCode).isEqualTo(ExitCode.FAILED.code());
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received[0].getSubject()).isEqualTo("optout-batch ALERT 2026-11-26: the nightly run FAILED");
		assertThat(GreenMailUtil.getBody(received[0])).contains("cannot run nightly");
		assertThat(received[1].getSubject()).startsWith("optout-batch 2026-11-26 FAILED: cannot run nightly");
	}

}
