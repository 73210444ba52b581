package com.optoutbatch.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a message holds that the messaging guidelines forbid or limit, by the code written
 * in {@code classified.csv}. The rules behind each: docs/rules.md, "Content flags".
 */
public enum ContentFlag {

	/** A link that is not https, or not to Amazon. */
	LINK("link"),

	EMAIL_ADDRESS("email-address"),

	EMOJI("emoji"),

	/**
	 * Incentives or pressure for a positive review, or a review asked for only when the
	 * buyer is happy.
	 */
	REVIEW_INCENTIVE("review-incentive", "review-incentive", "conditional-review"),

	/** Asking the buyer to change or remove a review. */
	REVIEW_CHANGE("review-change", "review-change"),

	/** Marketing, coupons, promotions. */
	MARKETING("marketing", "marketing", "cross-selling"),

	/** The critical subject or an "[Important]" tag on content that is not critical. */
	CRITICAL_SUBJECT("critical-subject"),

	/** No 17-digit order id in subject or body. */
	NO_ORDER_ID("no-order-id"),

	/** Sent more than 30 days after the purchase; known only when the order is. */
	SENT_LATE("sent-late");

	// looked up for every message the model decides
	private static final Map<String, List<ContentFlag>> BY_KIND = Arrays.stream(values())
		.flatMap(flag -> flag.kinds.stream().map(kind -> Map.entry(kind, flag)))
		.collect(Collectors.groupingBy(Map.Entry::getKey,
				Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));

	private final String code;

	// the kinds of message (as the corpus labels them) that always carry the flag
	private final List<String> kinds;

	ContentFlag(String code, String... kinds) {
		this.code = code;
		this.kinds = List.of(kinds);
	}

	public String code() {
		return code;
	}

	/** The flags every message of a kind carries. */
	static List<ContentFlag> ofKind(String kind) {
		return BY_KIND.getOrDefault(kind, List.of());
	}

	static ContentFlag ofCode(String code) {
		return Arrays.stream(values())
			.filter(flag -> flag.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown flag '" + code + "'; flags: " + Arrays.stream(values()).map(ContentFlag::code).toList()));
	}

	/** {@code link;emoji} as stored and written. */
	static String codes(List<ContentFlag> flags) {
		return String.join(";", flags.stream().map(ContentFlag::code).toList());
	}

}
