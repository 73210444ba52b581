package com.optoutbatch.mailbox;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.optoutbatch.orders.Marketplace;

import static com.optoutbatch.mailbox.NoticeVerdict.LOOKALIKE;
import static com.optoutbatch.mailbox.NoticeVerdict.NOT_RELEVANT;
import static com.optoutbatch.mailbox.NoticeVerdict.OPT_OUT_NOTICE;
import static com.optoutbatch.mailbox.NoticeVerdict.OTHER_AMAZON;
import static com.optoutbatch.mailbox.NoticeVerdict.RESTRICTION_NOTICE;

/**
 * Decides what a message is. Only a message from an Amazon domain (with no DMARC failure
 * recorded) can be a notice; a forward counts when the forwarded message, attached or
 * inline, is one, and the forwarder is trusted. Notice wording from anyone else is a
 * look-alike.
 */
class NoticeDetector {

	/**
	 * The bracketed order id of the key sentence, in normalised text (lowercase, no
	 * whitespace).
	 */
	private static final Pattern BRACKETED_ORDER_ID = Pattern
		.compile("[\\[【]((?:\\d{3}|[a-z]\\d{2})-\\d{7}-\\d{7})[\\]】]");

	private static final Pattern ORDER_ID = Pattern
		.compile("(?<![\\w-])((?:\\d{3}|[A-Z]\\d{2})-\\d{7}-\\d{7})(?![\\w-])");

	/** How far below a forward marker the forwarded sender line may be. */
	private static final int FORWARD_HEADER_LINES = 12;

	private final NoticeRules rules;

	private final List<String> trustedForwarders;

	NoticeDetector(NoticeRules rules, List<String> trustedForwarders) {
		this.rules = rules;
		this.trustedForwarders = trustedForwarders.stream()
			.map(entry -> entry.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
			.filter(entry -> !entry.isEmpty())
			.toList();
	}

	NoticeFinding detect(ParsedMail mail) {
		if (isFromAmazon(mail)) {
			return fromAmazon(mail);
		}
		NoticeFinding forwarded = forwarded(mail);
		if (forwarded != null) {
			if (!isTrustedForwarder(mail.from())) {
				return NoticeFinding.of(LOOKALIKE,
						"forward of a notice from an untrusted sender " + domainOf(mail.from()));
			}
			return forwarded.because("forward of " + forwarded.reason() + " by " + domainOf(mail.from()));
		}
		String text = NoticeRules.normalise(mail.text());
		if (rules.hasOptOutSentence(text) || rules.hasRestrictionWording(text, mail.subject())
				|| (rules.hasOptOutSubject(mail.subject()) && orderId(mail.text(), text) != null)) {
			return NoticeFinding.of(LOOKALIKE, "notice wording from " + domainOf(mail.from()) + ", not Amazon");
		}
		return NoticeFinding.of(NOT_RELEVANT,
				mail.deliveryReport() ? "delivery status notification" : "not from Amazon");
	}

	private NoticeFinding fromAmazon(ParsedMail mail) {
		String text = NoticeRules.normalise(mail.text());
		boolean optOutWording = rules.hasOptOutSentence(text) || rules.hasOptOutSubject(mail.subject());
		if (optOutWording) {
			String orderId = orderId(mail.text(), text);
			if (orderId != null) {
				return new NoticeFinding(OPT_OUT_NOTICE, orderId, marketplaceOf(mail), mail.date(), "opt-out notice");
			}
		}
		if (rules.hasRestrictionWording(text, mail.subject())) {
			return new NoticeFinding(RESTRICTION_NOTICE, null, marketplaceOf(mail), mail.date(), "restriction notice");
		}
		if (mail.deliveryReport()) {
			return NoticeFinding.of(NOT_RELEVANT, "delivery status notification");
		}
		return NoticeFinding.of(OTHER_AMAZON, optOutWording ? "opt-out wording but no order id" : "other Amazon mail");
	}

	/**
	 * The notice this message forwards, attached or inline; {@code null} when it forwards
	 * none.
	 */
	private NoticeFinding forwarded(ParsedMail mail) {
		for (ParsedMail attached : mail.attached()) {
			NoticeFinding finding = isFromAmazon(attached) ? fromAmazon(attached) : forwarded(attached);
			if (finding != null && isNotice(finding)) {
				return finding;
			}
		}
		return inlineForward(mail);
	}

	private NoticeFinding inlineForward(ParsedMail mail) {
		boolean forwardSubject = rules.isForwardSubject(mail.subject());
		if (!forwardSubject && !rules.hasForwardMarker(NoticeRules.normalise(mail.text()))) {
			return null;
		}
		List<String> lines = mail.text().lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			boolean marker = rules.isForwardMarker(lines.get(i));
			if (!marker && !forwardSubject) {
				continue;
			}
			int last = marker ? Math.min(lines.size() - 1, i + FORWARD_HEADER_LINES) : i;
			for (int j = marker ? i + 1 : i; j <= last; j++) {
				String sender = rules.forwardedSender(lines.get(j));
				if (sender != null) {
					if (rules.isAmazon(domainOf(sender))) {
						NoticeFinding finding = fromAmazon(inline(mail, sender, lines, j));
						if (isNotice(finding)) {
							return finding;
						}
					}
					break;
				}
			}
		}
		return null;
	}

	/**
	 * The forwarded message in a forward's text: its sender line and everything below it,
	 * dated by its date line when that is readable, else by the forward.
	 */
	private ParsedMail inline(ParsedMail forward, String sender, List<String> lines, int senderLine) {
		List<String> header = lines.subList(Math.max(0, senderLine - 3), Math.min(lines.size(), senderLine + 8));
		OffsetDateTime date = header.stream()
			.map(rules::forwardedDate)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(forward.date());
		String text = String.join("\n", lines.subList(senderLine + 1, lines.size()));
		return new ParsedMail(null, sender, String.join("\n", header), date, null, text, false, false, List.of());
	}

	private static boolean isNotice(NoticeFinding finding) {
		return finding.verdict() == OPT_OUT_NOTICE || finding.verdict() == RESTRICTION_NOTICE;
	}

	private boolean isFromAmazon(ParsedMail mail) {
		return rules.isAmazon(mail.fromDomain()) && !mail.authenticationFailed();
	}

	private boolean isTrustedForwarder(String address) {
		if (trustedForwarders.isEmpty()) {
			return true;
		}
		String domain = domainOf(address);
		return address != null && trustedForwarders.stream()
			.anyMatch(entry -> entry.equals(address) || entry.equals(domain) || domain.endsWith("." + entry));
	}

	/**
	 * An X-Marketplace-ID names the marketplace exactly; a sender such as amazon.com may
	 * write for several.
	 */
	private String marketplaceOf(ParsedMail mail) {
		String marketplace = rules.marketplaceOfId(mail.marketplaceId());
		return marketplace != null ? marketplace : Marketplace.ofAlias(mail.from());
	}

	/**
	 * The bracketed order id when there is one (robust to line breaks inside it), else
	 * the first order id.
	 */
	static String orderId(String text, String normalised) {
		Matcher bracketed = BRACKETED_ORDER_ID.matcher(normalised);
		if (bracketed.find()) {
			return bracketed.group(1).toUpperCase(Locale.ROOT);
		}
		Matcher plain = ORDER_ID.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
		return plain.find() ? plain.group(1) : null;
	}

	private static String domainOf(String address) {
		return address == null ? "an unknown sender" : address.substring(address.indexOf('@') + 1);
	}

}
