package com.optoutbatch.messages;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.messages.*}: the settings of {@code importMessages}.
 *
 * @param chunkSize sent messages written in one transaction, from 1 up (default 1000)
 */
@ConfigurationProperties(prefix = "optout.messages", ignoreUnknownFields = false)
record MessageSettings(@DefaultValue("1000") int chunkSize) {

	MessageSettings {
		Settings.atLeastOne("optout.messages.chunk-size", chunkSize);
	}

}
