package com.optoutbatch.campaigns;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.support.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignListTests {

	static final CampaignProfiles PROFILES = CampaignProfiles.load(null);

	@TempDir
	Path dir;

	@Test
	void profileFindsItsColumnsByHeaderName() throws Exception {
		CampaignList list = CampaignList
			.open(write("q.tsv", "order-id\tbuyer-email\ttemplate-name\tsend-date\tdelivered-date\ttemplate-type\n",
					StandardCharsets.UTF_8), "zonmaster/q.tsv", PROFILES.named("zonmaster"), null);
		assertThat(list.usable()).isTrue();
		assertThat(list.columns()).containsEntry(CampaignField.ORDER_ID, 0).containsEntry(CampaignField.PURPOSE, 5);
		assertThat(list.format().delimiter()).isEqualTo('\t');
	}

	@Test
	void listWithoutTheProfilesIdColumnsIsUnusable() throws Exception {
		CampaignList list = CampaignList.open(write("q.csv", "sku,title\nA,B\n", StandardCharsets.UTF_8),
				"generic/q.csv", PROFILES.named("generic"), null);
		assertThat(list.unusable().reason()).isEqualTo("no order id or alias column");
		assertThat(list.unusable().detail()).contains("profile generic").contains("order_id");
	}

	@Test
	void looseListHasItsOrderIdAndAliasColumnsDetected() throws Exception {
		CampaignList list = CampaignList.open(write("loose.csv", """
				Segment,Ref,Contact,Note
				vip,112-3456789-0123456,a1b2c3d4e5f6g7h@marketplace.amazon.com,call 112-0000000-0000000 later
				regular,113-9876543-2109876,,
				regular,,k8v2bq9z4mx7whc@marketplace.amazon.de,
				""", StandardCharsets.UTF_8), "loose.csv", null, null);
		assertThat(list.columns()).containsEntry(CampaignField.ORDER_ID, 1)
			.containsEntry(CampaignField.BUYER_ALIAS, 2)
			.hasSize(2);
		assertThat(list.profile()).isNull();
		assertThat(list.tool()).isNull();
	}

	@Test
	void looseListWithNeitherIsUnusable() throws Exception {
		CampaignList list = CampaignList.open(write("catalog.csv", "sku,title\nMUG,Mug\n", StandardCharsets.UTF_8),
				"catalog.csv", null, null);
		assertThat(list.unusable().detail()).isEqualTo("no column of order ids or buyer aliases found");
	}

	@Test
	void copiesOfListsAtDifferentPathsAreDifferentFiles() {
		Workspace workspace = new Workspace(dir);
		Path campaigns = dir.resolve("input/campaigns");

		assertThat(List
			.of("generic/review-requests-nov.csv", "generic.review-requests-nov.csv", "list.csv", "list.tsv", "list",
					"list.clean.csv")
			.stream()
			.flatMap(list -> Stream.of("clean", "suppressed")
				.map(kind -> SendListWriter.sendList(workspace, campaigns.resolve(list), kind)))
			.map(copy -> dir.resolve("output/send-lists").relativize(copy).toString()))
			.containsExactly("generic/review-requests-nov.clean.csv", "generic/review-requests-nov.suppressed.csv",
					"generic.review-requests-nov.clean.csv", "generic.review-requests-nov.suppressed.csv",
					"list.clean.csv", "list.suppressed.csv", "list.clean.tsv", "list.suppressed.tsv", "list.clean",
					"list.suppressed", "list.clean.clean.csv", "list.clean.suppressed.csv");
	}

	@Test
	void formatKeepsBomQuotingLineEndsAndCharset() throws Exception {
		CampaignListFormat quoted = CampaignListFormat
			.of(write("f.csv", "\uFEFF\"Amazon Order ID\",\"Buyer Email\"\r\n\"112-3456789-0123456\",\"\"\r\n",
					StandardCharsets.UTF_8), null);
		assertThat(quoted).isEqualTo(new CampaignListFormat(quoted.charset(), ',', true, "\r\n"));
		assertThat(quoted.charset().bomLength()).isEqualTo(3);

		CampaignListFormat semicolons = CampaignListFormat
			.of(write("s.csv", "Order Number;Purpose\n1;x\n", StandardCharsets.UTF_8), null);
		assertThat(semicolons.delimiter()).isEqualTo(';');
		assertThat(semicolons.quoteAll()).isFalse();
		assertThat(semicolons.recordSeparator()).isEqualTo("\n");

		CampaignListFormat legacy = CampaignListFormat
			.of(write("z.tsv", "order-id\ttemplate-name\n305-7654321-1234567\tBewertung Größe für Kunden aus München\n",
					Charset.forName("windows-1252")), null);
		assertThat(legacy.charset().charset().name()).isEqualTo("windows-1252");
	}

	private Path write(String name, String text, Charset charset) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}

}
