package com.optoutbatch.launch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.optoutbatch.support.TestWorkspace;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest through a mail server as most providers run one on port 587: STARTTLS
 * required before anything else, then authentication (SubEthaSMTP, since GreenMail speaks
 * no STARTTLS; its test certificate serves). A password the server refuses is in no log
 * line, error line, notify record or outbox file.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotifyOverStartTlsJobTests extends LaunchJobTestSupport {

	static final String PASSWORD = "St4rt-TLS-pa55word";

	static final AtomicReference<String> accepted = new AtomicReference<>(PASSWORD);

	static final List<String> logins = new CopyOnWriteArrayList<>();

	static final List<byte[]> received = new CopyOnWriteArrayList<>();

	static final SMTPServer smtp = startSmtp();

	@DynamicPropertySource
	static void notifications(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", smtp::getPortAllocated);
		registry.add("spring.mail.username", () -> "seller@shop.example");
		registry.add("spring.mail.password", () -> PASSWORD);
		registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "true");
		registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "true");
		// the test server's certificate is GreenMail's own, issued to no host name
		registry.add("spring.mail.properties.mail.smtp.ssl.trust", () -> "localhost");
		registry.add("spring.mail.properties.mail.smtp.ssl.checkserveridentity", () -> "false");
		registry.add("optout.notify.to", () -> "seller@shop.example");
		registry.add("optout.notify.from", () -> "seller@shop.example");
		registry.add("optout.notify.retries", () -> "1");
		registry.add("optout.notify.retry-delay", () -> "20ms");
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.sampleOnly(workspace, jdbc);
		accepted.set(PASSWORD);
		logins.clear();
		received.clear();
	}

	@Test
	void theDigestGoesOverStartTlsWithAuthentication() throws Exception {
		assertThat(launchWith("nightly", "run.date=2026-11-26")).isEqualTo(ExitCode.COMPLETED);

		assertThat(logins).contains("seller@shop.example");
		assertThat(received).hasSize(2);
		MimeMessage digest = new MimeMessage(Session.getInstance(new java.util.Properties()),
				new ByteArrayInputStream(received.get(1)));
		assertThat(digest.getSubject())
			.isEqualTo("optout-batch 2026-11-26: 1 restriction notice, 14 new opt-outs, 13 violations");
		assertThat(outbox()).isEmpty();
	}

	@Test
	void aRefusedPasswordIsNeitherLoggedNorKeptAndTheNightCompletes(CapturedOutput output) throws Exception {
		accepted.set("another password");

		assertThat(launchWith("nightly", "run.date=2026-11-26")).isEqualTo(ExitCode.COMPLETED);

		assertThat(received).isEmpty();
		assertThat(outbox()).hasSize(2);
		assertThat(output).contains("could not be sent (mail to seller@shop.example) after 2 attempts")
			.doesNotContain(PASSWORD);
		for (Path file : Stream.concat(outbox().stream(), logsAndRecords().stream()).toList()) {
			assertThat(Files.readString(file)).as(file.toString()).doesNotContain(PASSWORD);
		}
		assertThat(Files.readString(workspace.output("runs", "2026-11-26", "notify.json")))
			.contains("\"outcome\" : \"kept in outbox\"");
	}

	private List<Path> outbox() throws IOException {
		return files(workspace.output("notify", "outbox"));
	}

	private List<Path> logsAndRecords() throws IOException {
		return Stream
			.concat(files(workspace.output("runs", "2026-11-26")).stream(), files(workspace.output("logs")).stream())
			.toList();
	}

	private static List<Path> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static SMTPServer startSmtp() {
		try {
			KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, "changeit".toCharArray());
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(keyManagers.getKeyManagers(), null, null);
			SMTPServer server = SMTPServer.port(0)
				.hostName("localhost")
				.requireTLS()
				.requireAuth()
				.startTlsSocketFactory(tls)
				.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
					if (!accepted.get().equals(password)) {
						throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
					}
					logins.add(user);
				}))
				.messageHandler((context, from, to, data) -> received.add(data))
				.build();
			server.start();
			return server;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
