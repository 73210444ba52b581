package com.optoutbatch.messages;

import java.util.List;

/**
 * What the classifier decided about a message: the category, the rule that decided it,
 * the reason in words (the rules and the words that matched) and the content flags.
 */
record Classification(MessageCategory category, String rule, String reason, List<ContentFlag> flags) {

	Classification {
		flags = List.copyOf(flags);
	}

}
