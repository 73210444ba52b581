package com.optoutbatch.messages;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.messages.*}: the settings of {@code importMessages}.
 *
 * @param chunkSize sent messages written in one transaction, from 1 up (default 1000)
 * @param minConfidence the probability, from 0 to 1, the learned model must give a
 * category for it to decide a message no rule is sure of; below it the message is
 * UNDECIDED (default 0.4)
 */
@ConfigurationProperties(prefix = "optout.messages", ignoreUnknownFields = false)
record MessageSettings(@DefaultValue("1000") int chunkSize, @DefaultValue("0.4") double minConfidence) {

	MessageSettings {
		Settings.atLeastOne("optout.messages.chunk-size", chunkSize);
		if (!(minConfidence >= 0 && minConfidence <= 1)) {
			throw Settings.invalid("optout.messages.min-confidence", "a probability from 0 to 1", minConfidence);
		}
	}

}
