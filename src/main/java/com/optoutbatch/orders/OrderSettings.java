package com.optoutbatch.orders;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.orders.*}: the settings of {@code importOrders}.
 *
 * @param chunkSize order lines written in one transaction, from 1 up (default 1000)
 */
@ConfigurationProperties(prefix = "optout.orders", ignoreUnknownFields = false)
record OrderSettings(@DefaultValue("1000") int chunkSize) {

	OrderSettings {
		Settings.atLeastOne("optout.orders.chunk-size", chunkSize);
	}

}
