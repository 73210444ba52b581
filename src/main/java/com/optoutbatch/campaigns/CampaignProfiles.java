package com.optoutbatch.campaigns;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.optoutbatch.support.ConfigurationFiles;

/**
 * The campaign list profiles: those that ship in {@code campaigns/profiles.yml}, extended
 * or replaced by the user's file named with the job parameter {@code campaigns.profiles}.
 */
class CampaignProfiles {

	static final String RESOURCE = "/campaigns/profiles.yml";

	private final Map<String, CampaignProfile> profiles;

	CampaignProfiles(Map<String, CampaignProfile> profiles) {
		this.profiles = profiles;
	}

	static CampaignProfiles load(Path userFile) {
		Map<String, CampaignProfile> profiles = new LinkedHashMap<>();
		for (Map<String, Object> document : ConfigurationFiles.read(RESOURCE, userFile)) {
			document.forEach((name, entry) -> profiles.put(name,
					CampaignProfile.of(name, ConfigurationFiles.map(entry, "campaign profile " + name))));
		}
		return new CampaignProfiles(profiles);
	}

	/** The profile of that name, or {@code null}. */
	CampaignProfile named(String name) {
		return profiles.get(name);
	}

}
