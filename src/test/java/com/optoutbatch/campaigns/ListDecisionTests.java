package com.optoutbatch.campaigns;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.OrderIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision file gives back the rows and trailer written to it; one cut short is never
 * used; a copy a killed run left partial while moving a list's files into place is moved
 * now when it is the one the decision file describes.
 */
class ListDecisionTests {

	static final List<ListDecision.Row> ROWS = List.of(
			new ListDecision.Row(2, OrderIds.key("113-1234567-7654321"), "k8v2bq9z4mx7whc@marketplace.amazon.com",
					CampaignPurpose.REVIEW_REQUEST, LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 20),
					Verdict.held(SuppressionReason.DUPLICATE_REVIEW_REQUEST), 61),
			new ListDecision.Row(3, -1, "a1b2c3@marketplace.amazon.de", null, null, null, Verdict.CLEAN, 40),
			new ListDecision.Row(5, OrderIds.key("D01-1234567-7654321"), null, CampaignPurpose.CRITICAL, null, null,
					Verdict.CRITICAL_TO_OPTED_OUT, 12));

	static final ListDecision.Trailer TRAILER = new ListDecision.Trailer("ab12", "shape", ROWS.size(), 4, 1,
			Map.of("malformed order id", 1L), new ListDecision.Copy(120, 7, 20), new ListDecision.Copy(80, 9, 27));

	@TempDir
	Path folder;

	@Test
	void rowsAndTrailerComeBackAsWritten() throws IOException {
		Path file = write();

		assertThat(ListDecision.trailer(file)).isEqualTo(TRAILER);
		ByteBuffer rows = ListDecision.bytes(file);
		for (ListDecision.Row row : ROWS) {
			assertThat(ListDecision.read(rows)).isEqualTo(row);
		}
		assertThat(ROWS.get(0).orderId()).isEqualTo("113-1234567-7654321");
		assertThat(ROWS.get(1).orderId()).isNull();
	}

	@Test
	void aFileCutShortHasNoTrailer() throws IOException {
		Path file = write();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - 3);
		}

		assertThat(ListDecision.trailer(file)).isNull();
		assertThat(ListDecision.trailer(folder.resolve("none.decided"))).isNull();
	}

	@Test
	void aCopyLeftPartialWhileItsListsFilesWereMovedIsMovedWhenTheDecisionDescribesIt() throws IOException {
		Path copy = Files.writeString(folder.resolve("list.clean.csv"), "order_id\n113-1234567-7654321\n");
		Path partial = Files.writeString(folder.resolve("list.clean.csv.partial"), "order_id\n");
		ListDecision.Copy described = new ListDecision.Copy(9, ListDecision.crc(partial), 9);

		assertThat(ListDecision.inPlace(copy, new ListDecision.Copy(9, 0, 9))).isFalse();
		assertThat(copy).hasContent("order_id\n113-1234567-7654321");
		assertThat(ListDecision.inPlace(copy, described)).isTrue();
		assertThat(copy).hasContent("order_id");
		assertThat(partial).doesNotExist();
		assertThat(ListDecision.inPlace(copy, described)).isTrue();
	}

	private Path write() throws IOException {
		Path file = folder.resolve("list.csv.decided");
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
			for (ListDecision.Row row : ROWS) {
				ListDecision.write(out, row);
			}
			ListDecision.finish(out, out.size(), TRAILER);
		}
		return file;
	}

}
