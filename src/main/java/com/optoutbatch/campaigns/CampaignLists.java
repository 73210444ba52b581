package com.optoutbatch.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The campaign list files of a workspace: loose files in {@code input/campaigns/} and the
 * files of each profile folder {@code input/campaigns/<profile>/}, by path.
 */
final class CampaignLists {

	private CampaignLists() {
	}

	static List<Path> under(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(folder, 2)) {
			return paths.filter(Files::isRegularFile)
				.filter(path -> !path.getFileName().toString().startsWith("."))
				.filter(path -> !path.getFileName().toString().equalsIgnoreCase("README.md"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
	}

	/** A list opened with the profile of its folder; a list in the folder of an unknown profile is unusable. */
	static CampaignList open(Path folder, Path list, String name, CampaignProfiles profiles, Charset charsetOverride) {
		String profileName = profileOf(folder, list);
		CampaignProfile profile = profileName == null ? null : profiles.named(profileName);
		if (profileName != null && profile == null) {
			return new CampaignList(list, name, null, null, List.of(), Map.of(),
					"no campaign profile named '" + profileName + "' (the list's folder)");
		}
		return CampaignList.open(list, name, profile, charsetOverride);
	}

	/** The profile folder a list lies in; {@code null} for a loose list. */
	static String profileOf(Path folder, Path list) {
		Path parent = list.getParent();
		return parent.equals(folder) ? null : parent.getFileName().toString();
	}

}
