package com.optoutbatch.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.optoutbatch.notify.Notice.Attachment;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders the digest and the alerts from the templates in {@code templates/notify/},
 * beside the report's, whose style they share: HTML (Thymeleaf escapes every text it
 * writes) and plain text. Nothing in them is fetched from the network.
 */
final class NoticeTemplates {

	private final ITemplateEngine templates;

	NoticeTemplates(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The digest of a night, with the report page attached, and {@code violations.csv}
	 * when it is not larger than {@code maxAttachmentBytes}.
	 */
	Notice digest(NightDigest digest, long maxAttachmentBytes) {
		List<Attachment> attachments = new ArrayList<>();
		String note = null;
		if (digest.reportPage() != null) {
			attachments.add(new Attachment("compliance-report-" + digest.end().runDate() + ".html", digest.reportPage(),
					"text/html; charset=UTF-8"));
			note = "Attached: the compliance report (one page, open it in a browser)";
			if (digest.violationsCsv() != null) {
				long size = size(digest);
				if (size <= maxAttachmentBytes) {
					attachments.add(new Attachment("violations-" + digest.end().runDate() + ".csv",
							digest.violationsCsv(), "text/csv; charset=UTF-8"));
					note += " and violations.csv.";
				}
				else {
					note += String.format(
							"; violations.csv (%s) is over the %s limit of "
									+ "optout.notify.max-attachment-bytes: it is in output/reports/%s/.",
							bytes(size), bytes(maxAttachmentBytes), digest.end().runDate());
				}
			}
			else {
				note += ".";
			}
		}
		Map<String, Object> variables = Map.of("digest", digest);
		Context context = context(variables);
		context.setVariable("attachments", note);
		return new Notice("digest", digest.end().runDate(), digest.subject(), text("notify/digest.txt", context),
				templates.process("notify/digest", context), text("notify/chat.txt", context).strip(),
				List.copyOf(attachments), false);
	}

	Notice alert(Alert alert) {
		Context context = context(Map.of("alert", alert));
		String chat = alert.subject() + "\n" + alert.cause() + "\n"
				+ alert.whatToDo().stream().map(step -> "- " + step).collect(Collectors.joining("\n"));
		return new Notice("alert-" + alert.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), alert.runDate(),
				alert.subject(), text("notify/alert.txt", context), templates.process("notify/alert", context), chat,
				List.of(), true);
	}

	private String text(String template, Context context) {
		return templates.process(new TemplateSpec(template, TemplateMode.TEXT), context);
	}

	private static Context context(Map<String, Object> variables) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariables(variables);
		return context;
	}

	private static long size(NightDigest digest) {
		try {
			return Files.size(digest.violationsCsv());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@code 5 MiB}, {@code 12.3 MiB}, {@code 812 KiB}. */
	static String bytes(long bytes) {
		if (bytes >= 1 << 20) {
			double mib = bytes / (double) (1 << 20);
			return (mib == Math.floor(mib) ? String.format("%d", (long) mib) : String.format("%.1f", mib)) + " MiB";
		}
		return bytes >= 1024 ? (bytes / 1024) + " KiB" : bytes + " bytes";
	}

}
