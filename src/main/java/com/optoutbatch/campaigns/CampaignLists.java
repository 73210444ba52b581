package com.optoutbatch.campaigns;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import com.optoutbatch.support.InputListing;

/**
 * The campaign list files of a workspace: loose files in {@code input/campaigns/} and the
 * files of each profile folder {@code input/campaigns/<profile>/}, by path.
 */
final class CampaignLists {

	private CampaignLists() {
	}

	/**
	 * The lists, loose and one folder deep; deeper folders and symlinks out of input/ are
	 * skipped and named.
	 */
	static List<Path> under(Path folder) {
		return InputListing.of(folder.getParent(), folder, 2, directory -> false).reported();
	}

	/**
	 * A list opened with the profile of its folder; a list in the folder of an unknown
	 * profile is unusable.
	 */
	static CampaignList open(Path folder, Path list, String name, CampaignProfiles profiles, Charset charsetOverride) {
		String profileName = profileOf(folder, list);
		CampaignProfile profile = profileName == null ? null : profiles.named(profileName);
		if (profileName != null && profile == null) {
			return CampaignList.unusable(list, name, null, "no campaign profile",
					"no campaign profile is named '" + profileName + "' (the list's folder)");
		}
		return CampaignList.open(list, name, profile, charsetOverride);
	}

	/** The profile folder a list lies in; {@code null} for a loose list. */
	static String profileOf(Path folder, Path list) {
		Path parent = list.getParent();
		return parent.equals(folder) ? null : parent.getFileName().toString();
	}

}
