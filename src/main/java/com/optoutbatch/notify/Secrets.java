package com.optoutbatch.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keeps the mail password and the webhook's URL out of every line the notifications
 * write: logs, stderr, the notify record. The password is masked as written and as SMTP
 * authentication encodes it (base64, alone and in {@code AUTH PLAIN}'s
 * {@code \0user\0password}); the webhook by all of it but its host.
 */
final class Secrets {

	static final String MASK = "****";

	private final List<String> secrets = new ArrayList<>();

	Secrets(String mailUser, String mailPassword, String webhook) {
		if (mailPassword != null && !mailPassword.isEmpty()) {
			secrets.add(mailPassword);
			secrets.add(base64(mailPassword));
			secrets.add(base64("\0" + (mailUser == null ? "" : mailUser) + "\0" + mailPassword));
		}
		if (webhook != null) {
			secrets.add(webhook);
			// the path and query after the host: the token of an incoming webhook
			int path = webhook.indexOf('/', webhook.indexOf("//") + 2);
			if (path > 0 && path < webhook.length() - 1) {
				secrets.add(webhook.substring(path));
			}
		}
		// longest first, so that no part of a longer one is left
		secrets.sort((a, b) -> b.length() - a.length());
	}

	String redact(String line) {
		if (line == null) {
			return null;
		}
		String redacted = line;
		for (String secret : secrets) {
			redacted = redacted.replace(secret, MASK);
		}
		return redacted;
	}

	/**
	 * A failure in one line: the messages of its causes, each once, every secret masked.
	 */
	String describe(Throwable failure) {
		List<String> parts = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage() == null || cause.getMessage().isBlank()
					? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("").strip();
			if (parts.stream().noneMatch(part -> part.contains(message))) {
				parts.add(message);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return redact(String.join(": ", parts));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
