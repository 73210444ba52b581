package com.optoutbatch.launch;

import java.util.Arrays;
import java.util.List;

import com.optoutbatch.notify.Notifications;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code notify [run.date=...] [to=...] [notify.test=true] [notify.preview=true]}: sends
 * the digest of a night again (what the outbox keeps first), to {@code to} when given;
 * {@code notify.test=true} sends a test message to check the settings;
 * {@code notify.preview=true} writes the digest to {@code output/notify/preview/} and
 * sends nothing. {@code alert=missed-run} is the scheduler's: the alert of a night it
 * should have run and that did not finish. Exit code 0 when everything was delivered, 1
 * when something was not (kept in the outbox, but for a test message).
 */
@Component
@ConditionalOnProperty(name = Launcher.COMMAND_PROPERTY, havingValue = NotifyCommand.COMMAND)
class NotifyCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String COMMAND = "notify";

	static final String TEST = "notify.test";

	static final String PREVIEW = "notify.preview";

	static final String ALERT = "alert";

	static final String MISSED_RUN = "missed-run";

	private final Notifications notifications;

	private ExitCode exitCode = ExitCode.FAILED;

	NotifyCommand(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void run(ApplicationArguments args) {
		JobCommand command = JobCommand.parse(args.getSourceArgs());
		List<String> to = Arrays.stream(command.parameters().getOrDefault("to", "").split(","))
			.map(String::trim)
			.filter(address -> !address.isEmpty())
			.toList();
		try {
			boolean delivered;
			if (command.parameters().containsKey(ALERT)) {
				delivered = notifications.missedRun(command.runDate());
			}
			else if ("true".equals(command.parameters().get(PREVIEW))) {
				System.out.println("optout-batch: the digest of " + command.runDate() + " is in "
						+ notifications.preview(command.runDate()).getParent());
				delivered = true;
			}
			else if ("true".equals(command.parameters().get(TEST))) {
				delivered = notifications.sendTest(to);
			}
			else {
				delivered = notifications.resendDigest(command.runDate(), to);
			}
			exitCode = delivered ? ExitCode.COMPLETED : ExitCode.FAILED;
			if (!delivered) {
				Launcher.fail(exitCode, "not everything could be sent: see the notices above");
			}
		}
		catch (IllegalArgumentException e) {
			exitCode = ExitCode.FAILED;
			Launcher.fail(exitCode, e.getMessage());
		}
	}

	@Override
	public int getExitCode() {
		return exitCode.code();
	}

}
