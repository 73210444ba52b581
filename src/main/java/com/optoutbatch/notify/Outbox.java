package com.optoutbatch.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code output/notify/outbox/}: the notices that could not be delivered, each in a file
 * of its own, sent by the next run before its own. A mail is kept whole as an
 * {@code .eml} (a mail program opens it too), a webhook's JSON body as {@code .json}.
 * Neither holds a password or the webhook's URL.
 */
final class Outbox {

	static final String MAIL = ".eml";

	static final String WEBHOOK = ".json";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Workspace workspace;

	Outbox(Workspace workspace) {
		this.workspace = workspace;
	}

	Path folder() {
		return workspace.output("notify", "outbox");
	}

	Path keep(Notice notice, MimeMessage message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			message.writeTo(bytes);
		}
		catch (IOException | MessagingException e) {
			throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
		}
		return keep(notice, MAIL, bytes.toByteArray());
	}

	Path keep(Notice notice, String webhookBody) {
		return keep(notice, WEBHOOK, webhookBody.getBytes(StandardCharsets.UTF_8));
	}

	private Path keep(Notice notice, String extension, byte[] content) {
		Path file = folder()
			.resolve(LocalDateTime.now().format(STAMP) + "-" + notice.runDate() + "-" + notice.kind() + extension);
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		PublishedFile.write(workspace, file, content);
		return file;
	}

	/** The notices waiting, oldest first. */
	List<Path> waiting() {
		if (!Files.isDirectory(folder())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder())) {
			return files.filter(file -> file.toString().endsWith(MAIL) || file.toString().endsWith(WEBHOOK))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String shown(Path file) {
		return workspace.home().relativize(file).toString().replace('\\', '/');
	}

}
