package com.optoutbatch.campaigns;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.campaigns.*}: the settings of {@code reconcileCampaigns}.
 *
 * @param chunkSize campaign rows decided and written in one transaction, from 1 up
 * (default 1000)
 */
@ConfigurationProperties(prefix = "optout.campaigns", ignoreUnknownFields = false)
record CampaignSettings(@DefaultValue("1000") int chunkSize) {

	CampaignSettings {
		Settings.atLeastOne("optout.campaigns.chunk-size", chunkSize);
	}

}
