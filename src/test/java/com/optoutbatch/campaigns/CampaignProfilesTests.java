package com.optoutbatch.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CampaignProfilesTests {

	@TempDir
	Path dir;

	@Test
	void theShippedProfilesLoad() {
		CampaignProfiles profiles = CampaignProfiles.load(null);

		assertThat(profiles.named("generic").columns()).containsEntry(CampaignField.ORDER_ID, "order_id");
		assertThat(profiles.named("feedbackwhiz").purposeOf("Custom Order")).isEqualTo(CampaignPurpose.CRITICAL);
		assertThat(profiles.named("feedbackwhiz").unsubscribe().buyerAliasHeader()).isEmpty();
		assertThat(profiles.named("zonmaster").unsubscribe().delimiter()).isEqualTo('\t');
		assertThat(profiles.named("bqool").unsubscribe().delimiter()).isEqualTo(';');
		assertThat(profiles.named("bqool").purposeOf("")).isEqualTo(CampaignPurpose.REVIEW_REQUEST);
	}

	@Test
	void aUsersProfileReplacesTheShippedOfItsNameOrAddsOne() throws Exception {
		Path file = Files.writeString(dir.resolve("my-profiles.yml"), """
				bqool:
				  columns:
				    order_id: Order
				  default_purpose: customer_service
				mytool:
				  tool: My Tool
				  columns:
				    buyer_alias: Email
				""");

		CampaignProfiles profiles = CampaignProfiles.load(file);

		assertThat(profiles.named("bqool").columns()).containsOnlyKeys(CampaignField.ORDER_ID);
		assertThat(profiles.named("bqool").tool()).isEqualTo("bqool");
		assertThat(profiles.named("bqool").purposeOf("")).isEqualTo(CampaignPurpose.CUSTOMER_SERVICE);
		assertThat(profiles.named("mytool").tool()).isEqualTo("My Tool");
		assertThat(profiles.named("zonmaster")).isNotNull();
	}

	@Test
	void aPurposeThatIsNoneIsNamedWithThoseThatAre() throws Exception {
		Path file = Files.writeString(dir.resolve("my-profiles.yml"), """
				mytool:
				  columns:
				    order_id: Order
				  purposes:
				    promo: advertising
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> CampaignProfiles.load(file))
			.withMessage("campaigns.profiles " + file + ": mytool.purposes.promo: expected one of review_request, "
					+ "customer_service, critical, marketing, got 'advertising', line 5");
	}

}
