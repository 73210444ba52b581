package com.optoutbatch.notify;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One message to deliver, in every shape a channel takes: a subject, a plain text and an
 * HTML body for mail, with its attachments; a short text for a chat webhook.
 * {@code urgent}: an alert, marked as of high importance.
 */
record Notice(String kind, LocalDate runDate, String subject, String text, String html, String chat,
		List<Attachment> attachments, boolean urgent) {

	/** A file attached under a name of its own. */
	record Attachment(String name, Path file, String contentType) {
	}

}
