package com.optoutbatch.notify;

import java.io.InputStream;
import java.util.List;

import com.optoutbatch.notify.Notice.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail through Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}): each notice
 * as one message, its plain text and HTML as alternatives, its files attached.
 */
final class MailChannel {

	private final JavaMailSender sender;

	private final String from;

	MailChannel(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	/**
	 * The message, whole, ready to send or to keep in the outbox: multipart/mixed around
	 * the multipart/alternative of text and HTML, then the attachments.
	 */
	MimeMessage compose(Notice notice, List<String> to) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		helper.setFrom(from);
		helper.setTo(to.toArray(String[]::new));
		helper.setSubject(notice.subject());
		helper.setText(notice.text(), notice.html());
		for (Attachment attachment : notice.attachments()) {
			helper.addAttachment(attachment.name(), new FileSystemResource(attachment.file()),
					attachment.contentType());
		}
		// a message a program wrote: no vacation replies to it (RFC 3834)
		message.setHeader("Auto-Submitted", "auto-generated");
		if (notice.urgent()) {
			message.setHeader("Importance", "high");
			message.setHeader("X-Priority", "1");
		}
		message.saveChanges();
		return message;
	}

	void send(MimeMessage message) {
		sender.send(message);
	}

	/** A message kept in the outbox, read back to be sent. */
	MimeMessage read(InputStream kept) {
		return sender.createMimeMessage(kept);
	}

}
