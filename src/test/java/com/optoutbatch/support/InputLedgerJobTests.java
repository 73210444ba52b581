package com.optoutbatch.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InputLedgerJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final InputLedger.Run CAMPAIGNS = new InputLedger.Run("reconcileCampaigns", RUN_DATE, 1);

	static final String BASIS = "0".repeat(64);

	// the SHA-256 of "abc"
	static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Autowired
	InputLedger ledger;

	@BeforeEach
	void emptyWorkspace() {
		TestWorkspace.reset(workspace, jdbc);
	}

	@Test
	void aRunPinsEveryInputOfItsJobWithItsSizeTimeAndContentHash() throws Exception {
		Path list = write("campaigns/generic/list.csv", "abc");
		write("campaigns/.list.csv.swp", "an editor's");
		write("campaigns/README.md", "about the lists");
		write("orders/report.txt", "another job's");

		List<InputLedger.Fingerprint> pinned = ledger.pin(CAMPAIGNS, BASIS, false);

		assertThat(pinned)
			.extracting(InputLedger.Fingerprint::path, InputLedger.Fingerprint::size, InputLedger.Fingerprint::sha256)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("campaigns/generic/list.csv", 3L, ABC));
		assertThat(jdbc.queryForMap("SELECT * FROM input_ledger")).containsEntry("JOB_NAME", "reconcileCampaigns")
			.containsEntry("RUN_ATTEMPT", 1L)
			.containsEntry("INPUT_PATH", "campaigns/generic/list.csv")
			.containsEntry("MODIFIED_NS", Files.getLastModifiedTime(list).to(java.util.concurrent.TimeUnit.NANOSECONDS))
			.containsEntry("SHA256", ABC)
			.containsEntry("OUTCOME", "PINNED");
	}

	@Test
	void theNightlyRunPinsTheInputsOfEveryJob() throws Exception {
		for (String folder : List.of("orders", "messages", "optouts", "mailbox/a", "campaigns")) {
			write(folder + "/file.txt", folder);
		}

		assertThat(ledger.pin(new InputLedger.Run("nightly", RUN_DATE, 1), BASIS, false))
			.extracting(InputLedger.Fingerprint::path)
			.containsExactly("campaigns/file.txt", "mailbox/a/file.txt", "messages/file.txt", "optouts/file.txt",
					"orders/file.txt");
		assertThat(ledger.pin(new InputLedger.Run("complianceReport", RUN_DATE, 1), BASIS, false)).isEmpty();
	}

	@Test
	void changesNameTheFilesChangedAddedAndRemoved() throws Exception {
		write("campaigns/kept.csv", "same");
		write("campaigns/edited.csv", "before");
		write("campaigns/gone.csv", "gone");
		ledger.pin(CAMPAIGNS, BASIS, false);
		assertThat(ledger.changesSince(CAMPAIGNS).none()).isTrue();

		write("campaigns/edited.csv", "after!");
		Files.delete(workspace.input("campaigns").resolve("gone.csv"));
		write("campaigns/generic/new.csv", "new");

		InputLedger.Changes changes = ledger.changesSince(CAMPAIGNS);
		assertThat(changes.describe())
			.isEqualTo("changed: campaigns/edited.csv; added: campaigns/generic/new.csv; removed: campaigns/gone.csv");
	}

	@Test
	void aFileWrittenAgainWithTheSameBytesHasNotChanged() throws Exception {
		Path list = write("campaigns/list.csv", "abc");
		ledger.pin(CAMPAIGNS, BASIS, false);

		write("campaigns/list.csv", "abc");
		Files.setLastModifiedTime(list, FileTime.from(Instant.now().plusSeconds(60)));

		assertThat(ledger.changesSince(CAMPAIGNS).none()).isTrue();
	}

	@Test
	void anEditOfTheSameSizeWithinTheSameClockTickIsStillSeen() throws Exception {
		Path list = write("campaigns/list.csv", "abc");
		FileTime pinnedTime = Files.getLastModifiedTime(list);
		ledger.pin(CAMPAIGNS, BASIS, false);

		write("campaigns/list.csv", "xyz");
		Files.setLastModifiedTime(list, pinnedTime);

		assertThat(ledger.changesSince(CAMPAIGNS).changed()).containsExactly("campaigns/list.csv");
	}

	@Test
	void aSettledFileOfTheSameSizeAndTimeIsTakenAsItWasWithoutReadingIt() throws Exception {
		Path list = write("campaigns/list.csv", "abc");
		FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
		Files.setLastModifiedTime(list, anHourAgo);
		ledger.pin(CAMPAIGNS, BASIS, false);

		// only setting the time back on purpose hides an edit of the same size
		write("campaigns/list.csv", "xyz");
		Files.setLastModifiedTime(list, anHourAgo);

		assertThat(ledger.changesSince(CAMPAIGNS).none()).isTrue();
	}

	@Test
	void aCompletedRunNotesEachInputReadToItsEnd() throws Exception {
		write("campaigns/list.csv", "abc");
		ledger.pin(CAMPAIGNS, BASIS, false);

		ledger.markRead(CAMPAIGNS);

		assertThat(jdbc.queryForMap("SELECT read_bytes, outcome FROM input_ledger")).containsEntry("READ_BYTES", 3L)
			.containsEntry("OUTCOME", "READ");
	}

	@Test
	void anAttemptStartedOverSaysFromWhichAndWhatChanged() throws Exception {
		write("campaigns/list.csv", "abc");
		ledger.pin(CAMPAIGNS, BASIS, false);
		write("campaigns/list.csv", "abcd");
		ledger.markStartedOver(CAMPAIGNS);

		InputLedger.Run second = new InputLedger.Run("reconcileCampaigns", RUN_DATE, 2);
		ledger.pin(second, BASIS, false);

		assertThat(ledger.startedOver(second)).isEqualTo(new InputLedger.StartedOver(1, "changed: campaigns/list.csv",
				List.of("campaigns/list.csv"), List.of(), List.of()));
		assertThat(ledger.startedOver(CAMPAIGNS)).isNull();
	}

	@Test
	void aLoopOfFolderLinksIsNotFollowed() throws Exception {
		write("mailbox/a/inbox.mbox", "From x");
		Files.createSymbolicLink(workspace.input("mailbox").resolve("a/again"), workspace.input("mailbox"));

		assertThat(ledger.pin(new InputLedger.Run("scanMailbox", RUN_DATE, 1), BASIS, false))
			.extracting(InputLedger.Fingerprint::path)
			.containsExactly("mailbox/a/inbox.mbox");
	}

	@Test
	void aLinkOutOfTheWorkspaceIsNotFollowedAndALinkToAnInputIsThatInput(@TempDir Path elsewhere) throws Exception {
		Files.writeString(elsewhere.resolve("outside.csv"), "order_id\n171-0000001-0000001\n");
		Path list = write("campaigns/list.csv", "order_id\n171-0000002-0000002\n");
		Files.createSymbolicLink(workspace.input("campaigns").resolve("outside"), elsewhere);
		Files.createSymbolicLink(workspace.input("campaigns").resolve("same.csv"), list);

		assertThat(ledger.pin(new InputLedger.Run("reconcileCampaigns", RUN_DATE, 1), BASIS, false))
			.extracting(InputLedger.Fingerprint::path)
			.containsExactly("campaigns/list.csv", "campaigns/same.csv");
	}

	private Path write(String path, String text) throws IOException {
		Path file = workspace.home().resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
