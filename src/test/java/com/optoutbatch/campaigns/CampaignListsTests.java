package com.optoutbatch.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.optoutbatch.support.InputListing;
import com.optoutbatch.support.InputListing.Skipped;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignListsTests {

	@TempDir
	Path dir;

	@Test
	void listsAreLooseOrOneProfileFolderDeepAndDeeperFoldersAndLinksOutAreNamed() throws Exception {
		Path campaigns = Files.createDirectories(dir.resolve("seller/input/campaigns"));
		Files.writeString(campaigns.resolve("loose.csv"), "order_id\n");
		Files.createDirectories(campaigns.resolve("generic/archive"));
		Files.writeString(campaigns.resolve("generic/november.csv"), "order_id\n");
		Files.writeString(campaigns.resolve("generic/archive/october.csv"), "order_id\n");
		Path outside = Files.writeString(dir.resolve("other.csv"), "order_id\n");
		Files.createSymbolicLink(campaigns.resolve("generic/other.csv"), outside);
		Files.createSymbolicLink(campaigns.resolve("zonmaster"), Path.of("generic"));

		assertThat(CampaignLists.under(campaigns)).containsExactly(campaigns.resolve("generic/november.csv"),
				campaigns.resolve("loose.csv"));
		assertThat(InputListing.of(campaigns.getParent(), campaigns, 2, folder -> false).skipped()).containsExactly(
				new Skipped("campaigns/generic/archive", "folder inside input/campaigns/generic/ is not read"),
				new Skipped("campaigns/generic/other.csv", "symlink out of the workspace"),
				new Skipped("campaigns/zonmaster", "symlink to a folder listed already"));
	}

}
