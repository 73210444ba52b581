package com.optoutbatch.notify;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.optoutbatch.notify.NotifyRecord.Delivery;
import com.optoutbatch.support.InvalidConfiguration;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The morning digest and the alerts, by mail to {@code optout.notify.to} and to a chat
 * webhook ({@link NotifySettings}). The launch calls {@link #afterNight} once it has
 * decided the night's exit code, which nothing here changes: a delivery that fails is
 * retried with back-off, then kept in {@code output/notify/outbox/} and named in
 * {@code output/runs/<run.date>/notify.json}, on stderr and in the log, and the next run
 * sends it before its own. With nothing configured, nothing is sent or logged.
 */
@Component
public class Notifications {

	static final String NIGHTLY = "nightly";

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final NotifySettings settings;

	private final MailChannel mail;

	private final WebhookChannel webhook;

	private final NoticeTemplates templates;

	private final Workspace workspace;

	private final Outbox outbox;

	private final NotifyRecord record;

	private final Secrets secrets;

	private final RetryTemplate retry;

	Notifications(NotifySettings settings, ObjectProvider<JavaMailSender> mailSender, ITemplateEngine templates,
			Workspace workspace, Environment environment) {
		this.settings = settings;
		JavaMailSender sender = mailSender.getIfAvailable();
		if (settings.mails() && sender == null) {
			throw new InvalidConfiguration("optout.notify.to: a mail server is needed to send to it: set "
					+ "spring.mail.host (SPRING_MAIL_HOST), and spring.mail.port, username and password as it asks");
		}
		this.mail = sender == null || settings.from() == null ? null : new MailChannel(sender, settings.from());
		this.webhook = settings.webhook() == null ? null : new WebhookChannel(settings.webhook(), settings.timeout());
		this.templates = new NoticeTemplates(templates);
		this.workspace = workspace;
		this.outbox = new Outbox(workspace);
		this.record = new NotifyRecord(workspace);
		this.secrets = new Secrets(environment.getProperty("spring.mail.username"),
				environment.getProperty("spring.mail.password"), settings.webhook());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(settings.retries())
			.delay(settings.retryDelay())
			.multiplier(2)
			.build());
	}

	/** Whether anything is sent after a night: recipients, or a webhook. */
	public boolean configured() {
		return settings.configured();
	}

	/**
	 * After a nightly run whose outcome the launch has decided: first what the outbox
	 * keeps, then an alert for each thing that must reach a person at once, then the
	 * digest (unless {@code optout.notify.digest=false}). Never throws.
	 */
	public void afterNight(NightEnd end) {
		if (!configured()) {
			return;
		}
		try {
			sendOutbox(end.runDate());
			NightDigest digest = NightDigest.read(workspace, end);
			for (Alert alert : Alert.of(digest)) {
				deliver(templates.alert(alert), settings.to(), true);
			}
			if (settings.digest()) {
				deliver(templates.digest(digest, settings.maxAttachmentBytes()), settings.to(), true);
			}
		}
		catch (RuntimeException e) {
			notice("the notifications of the night of " + end.runDate() + " could not be made: " + secrets.describe(e));
		}
	}

	/**
	 * The digest of a past night again, to {@code to} when given (by mail only), else to
	 * every configured channel.
	 * @return whether it was delivered everywhere
	 */
	public boolean resendDigest(LocalDate runDate, List<String> to) {
		NightEnd end = NightEnd.of(workspace, runDate)
			.orElseThrow(() -> new IllegalArgumentException("no nightly run for run.date " + runDate
					+ " (no output/runs/" + runDate + "/" + NIGHTLY + ".json)"));
		requireChannel(to);
		sendOutbox(runDate);
		Notice digest = templates.digest(NightDigest.read(workspace, end), settings.maxAttachmentBytes());
		return to.isEmpty() ? deliver(digest, settings.to(), true) : deliverByMail(digest, to, true);
	}

	/**
	 * A short message on every configured channel, to check the settings; one that fails
	 * is not kept.
	 */
	public boolean sendTest(List<String> to) {
		requireChannel(to);
		String text = "This is a test message from optout-batch: the settings work.\n\nMail: "
				+ (mail == null ? "none" : "from " + settings.from() + " to " + String.join(", ", recipients(to)))
				+ "\nWebhook: " + (webhook == null ? "none" : webhook.shown()) + "\nDigest after every night: "
				+ (settings.digest() ? "yes" : "no, alerts only") + "\n";
		Notice test = new Notice("test", LocalDate.now(), "optout-batch: test message", text,
				"<!DOCTYPE html><html lang=\"en\"><body><pre>" + HtmlUtils.htmlEscape(text) + "</pre></body></html>",
				text.strip(), List.of(), false);
		return to.isEmpty() ? deliver(test, settings.to(), false) : deliverByMail(test, to, false);
	}

	/**
	 * The alert of a night the schedule should have run and that did not finish: the
	 * scheduler found no run file for it, or one that says it never ended.
	 * @return whether it was delivered everywhere; {@code true} when nothing is
	 * configured
	 */
	public boolean missedRun(LocalDate runDate) {
		if (!configured()) {
			return true;
		}
		String what = NightEnd.of(workspace, runDate).isPresent()
				? "The nightly run for " + runDate + " started but never ended: it was killed, or the host stopped."
				: "No nightly run for " + runDate + " ran, though the schedule called for one.";
		sendOutbox(runDate);
		return deliver(templates.alert(Alert.missedRun(runDate, what)), settings.to(), true);
	}

	/**
	 * Writes the digest of a night to {@code output/notify/preview/<run.date>/}
	 * ({@code digest.html}, {@code digest.txt}, {@code chat.txt}) and sends nothing: what
	 * a seller would get.
	 */
	public Path preview(LocalDate runDate) {
		NightEnd end = NightEnd.of(workspace, runDate)
			.orElseThrow(() -> new IllegalArgumentException("no nightly run for run.date " + runDate));
		Notice digest = templates.digest(NightDigest.read(workspace, end), settings.maxAttachmentBytes());
		Path folder = workspace.output("notify", "preview", runDate.toString());
		PublishedFile.write(workspace, folder.resolve("digest.html"), StandardCharsets.UTF_8,
				writer -> writer.write(digest.html()));
		PublishedFile.write(workspace, folder.resolve("digest.txt"), StandardCharsets.UTF_8,
				writer -> writer.write("Subject: " + digest.subject() + "\n\n" + digest.text()));
		PublishedFile.write(workspace, folder.resolve("chat.txt"), StandardCharsets.UTF_8,
				writer -> writer.write(digest.chat() + "\n"));
		return folder.resolve("digest.html");
	}

	private void requireChannel(List<String> to) {
		if (!to.isEmpty() && mail == null) {
			throw new IllegalArgumentException("to= needs a mail server and a sender: set spring.mail.host "
					+ "(SPRING_MAIL_HOST) and optout.notify.from (OPTOUT_NOTIFY_FROM)");
		}
		if (to.isEmpty() && !configured()) {
			throw new IllegalArgumentException("notifications are not configured: set optout.notify.to "
					+ "(OPTOUT_NOTIFY_TO) with spring.mail.host, or optout.notify.webhook (OPTOUT_NOTIFY_WEBHOOK)");
		}
	}

	private List<String> recipients(List<String> to) {
		return to.isEmpty() ? settings.to() : to;
	}

	private boolean deliver(Notice notice, List<String> to, boolean keep) {
		boolean delivered = to.isEmpty() || deliverByMail(notice, to, keep);
		if (webhook != null) {
			delivered &= deliverByWebhook(notice, keep);
		}
		return delivered;
	}

	private boolean deliverByMail(Notice notice, List<String> to, boolean keep) {
		String channel = "mail to " + String.join(", ", to);
		MimeMessage message;
		try {
			message = mail.compose(notice, to);
		}
		catch (Exception e) {
			return undelivered(notice, channel, 0, e, null);
		}
		return send(notice, channel, () -> mail.send(message), keep ? () -> outbox.keep(notice, message) : null);
	}

	private boolean deliverByWebhook(Notice notice, boolean keep) {
		String body = WebhookChannel.body(notice);
		return send(notice, "webhook " + webhook.shown(), () -> webhook.post(body),
				keep ? () -> outbox.keep(notice, body) : null);
	}

	// tries again with back-off; what still fails is kept, when keeping is given
	private boolean send(Notice notice, String channel, Sending sending, Keeping keeping) {
		int[] attempts = { 0 };
		try {
			retry.execute(() -> {
				attempts[0]++;
				sending.send();
				return null;
			});
			delivered(notice, channel, attempts[0]);
			return true;
		}
		catch (RetryException e) {
			return undelivered(notice, channel, attempts[0], e.getLastException(), keeping);
		}
	}

	private void delivered(Notice notice, String channel, int attempts) {
		log.info("{} sent ({}): {}", notice.kind(), channel, notice.subject());
		record.add(notice.runDate(), Delivery.of(notice, channel, "sent", attempts, null, null));
	}

	private boolean undelivered(Notice notice, String channel, int attempts, Throwable failure, Keeping keeping) {
		String error = secrets.describe(failure);
		String kept = null;
		if (keeping != null) {
			try {
				kept = outbox.shown(keeping.keep());
			}
			catch (RuntimeException e) {
				error += "; and it could not be kept in the outbox: " + secrets.describe(e);
			}
		}
		notice(String.format("the %s of %s could not be sent (%s) after %d %s: %s%s", notice.kind(), notice.runDate(),
				channel, attempts, attempts == 1 ? "attempt" : "attempts", error,
				kept == null ? "" : "; kept in " + kept + ", the next run sends it"));
		record.add(notice.runDate(),
				Delivery.of(notice, channel, kept == null ? "not sent" : "kept in outbox", attempts, error, kept));
		return false;
	}

	/**
	 * Sends what the outbox keeps, oldest first, once each: a channel that fails again
	 * keeps the rest for the next run.
	 */
	private void sendOutbox(LocalDate runDate) {
		boolean mailDown = mail == null;
		boolean webhookDown = webhook == null;
		for (Path file : outbox.waiting()) {
			boolean isMail = file.toString().endsWith(Outbox.MAIL);
			if (isMail ? mailDown : webhookDown) {
				continue;
			}
			String channel = isMail ? "mail" : "webhook " + webhook.shown();
			String subject = file.getFileName().toString();
			try {
				if (isMail) {
					MimeMessage message;
					try (InputStream in = Files.newInputStream(file)) {
						message = mail.read(in);
					}
					subject = message.getSubject();
					channel = "mail to " + String.join(", ",
							List.of(message.getAllRecipients()).stream().map(Object::toString).toList());
					mail.send(message);
				}
				else {
					webhook.post(Files.readString(file, StandardCharsets.UTF_8));
				}
				Files.delete(file);
				log.info("sent from the outbox ({}): {}", channel, subject);
				record.add(runDate, new Delivery(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS),
						"outbox " + file.getFileName(), subject, channel, "sent", 1, null, null));
			}
			catch (Exception e) {
				if (isMail) {
					mailDown = true;
				}
				else {
					webhookDown = true;
				}
				notice("the outbox could not be sent (" + channel + "): " + secrets.describe(e) + "; "
						+ outbox.shown(file) + " and the rest wait for the next run");
			}
		}
	}

	/** A line on stderr and in the log: the night goes on. */
	private void notice(String line) {
		String redacted = secrets.redact(line);
		log.warn(redacted);
		System.err.println("optout-batch: notice: " + redacted);
	}

	@FunctionalInterface
	private interface Sending {

		void send() throws Exception;

	}

	@FunctionalInterface
	private interface Keeping {

		Path keep();

	}

}
