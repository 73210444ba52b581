package com.optoutbatch.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.LineAccounting;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign-list reader on any bytes, as a loose list or in a profile's folder:
 * nothing but a reject escapes it, and every row after the header is a row or a reject.
 * The first byte of an input picks the folder, the rest is the list. Replays the inputs
 * saved in {@code CampaignListFuzzTestsInputs};
 * {@code scripts/fuzz.sh campaignList <minutes>} fuzzes it.
 */
class CampaignListFuzzTests {

	private static final List<String> FOLDERS = List.of("", "generic", "feedbackwhiz", "zonmaster", "bqool");

	private static final CampaignProfiles PROFILES = CampaignProfiles.load(null);

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyRowOfAListIsARowOrAReject(byte[] input) throws Exception {
		String folder = input.length == 0 ? "" : FOLDERS.get(Math.floorMod(input[0], FOLDERS.size()));
		Path campaigns = dir.resolve("campaigns");
		Path file = Files.createDirectories(campaigns.resolve(folder)).resolve("list.csv");
		Files.write(file, input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length));
		LineAccounting accounting = LineAccounting.of(file, null, true);
		CampaignList list = CampaignLists.open(campaigns, file, campaigns.relativize(file).toString(), PROFILES, null);
		accounting.readToTheEnd(new CampaignListReader(list), row -> accounting.record(row.line(), row.cells()));
		accounting.assertEveryLineIsInOneRecordOrReject();
	}

}
