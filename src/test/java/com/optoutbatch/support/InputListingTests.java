package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.optoutbatch.support.InputListing.Skipped;

import static org.assertj.core.api.Assertions.assertThat;

class InputListingTests {

	@TempDir
	Path dir;

	Workspace workspace;

	Path orders;

	@BeforeEach
	void workspaceWithOrders() throws Exception {
		workspace = new Workspace(dir.resolve("seller"));
		orders = Files.createDirectories(workspace.input("orders"));
		Files.writeString(orders.resolve("all-orders.txt"), "amazon-order-id\n");
		Files.writeString(orders.resolve("README.md"), "notes\n");
		Files.writeString(orders.resolve(".hidden.txt"), "amazon-order-id\n");
	}

	@Test
	void folderInsideAnInputFolderIsNamedAsNotRead() throws Exception {
		Files.createDirectories(orders.resolve("2025"));
		Files.writeString(orders.resolve("2025/old-orders.txt"), "amazon-order-id\n");

		InputListing listing = listOrders();

		assertThat(listing.inputs()).containsExactly(orders.resolve("all-orders.txt"));
		assertThat(listing.skipped())
			.containsExactly(new Skipped("orders/2025", "folder inside input/orders/ is not read"));
	}

	@Test
	void symlinkOutOfTheWorkspaceIsNotFollowed() throws Exception {
		Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("report.txt"),
				"x\n");
		Files.createSymbolicLink(orders.resolve("linked-report.txt"), elsewhere);
		Files.createSymbolicLink(orders.resolve("linked-folder"), elsewhere.getParent());
		Files.createDirectories(workspace.output("logs"));
		Files.createSymbolicLink(orders.resolve("log.txt"),
				Files.writeString(workspace.output("logs").resolve("a.log"), "log\n"));

		InputListing listing = listOrders();

		assertThat(listing.inputs()).containsExactly(orders.resolve("all-orders.txt"));
		assertThat(listing.skipped()).containsExactly(
				new Skipped("orders/linked-folder", "symlink out of the workspace"),
				new Skipped("orders/linked-report.txt", "symlink out of the workspace"),
				new Skipped("orders/log.txt", "symlink out of input/"));
	}

	@Test
	void symlinkToAFileInsideInputIsReadOnce() throws Exception {
		Path campaigns = Files.createDirectories(workspace.input("campaigns"));
		Files.writeString(campaigns.resolve("shared.txt"), "amazon-order-id\n");
		Files.createSymbolicLink(orders.resolve("a-link-to-all-orders.txt"), orders.resolve("all-orders.txt"));
		Files.createSymbolicLink(orders.resolve("shared.txt"), Path.of("../campaigns/shared.txt"));
		Files.createSymbolicLink(orders.resolve("shared-again.txt"), campaigns.resolve("shared.txt"));

		InputListing listing = listOrders();

		assertThat(listing.inputs()).containsExactly(orders.resolve("all-orders.txt"),
				orders.resolve("shared-again.txt"));
		assertThat(listing.skipped()).containsExactly(
				new Skipped("orders/a-link-to-all-orders.txt", "symlink to a file listed already"),
				new Skipped("orders/shared.txt", "symlink to a file listed already"));
	}

	@Test
	void symlinkLoopsAndBrokenSymlinksAreNamed() throws Exception {
		Files.createSymbolicLink(orders.resolve("up"), Path.of(".."));
		Files.createSymbolicLink(orders.resolve("self"), Path.of("self"));
		Files.createSymbolicLink(orders.resolve("gone.txt"), Path.of("no-such-file.txt"));

		InputListing listing = listOrders();

		assertThat(listing.inputs()).containsExactly(orders.resolve("all-orders.txt"));
		assertThat(listing.skipped()).containsExactly(new Skipped("orders/gone.txt", "broken symlink"),
				new Skipped("orders/self", "symlink loop"), new Skipped("orders/up", "symlink loop"));
	}

	@Test
	void workspaceInputFilesListsTheSameAndAMissingFolderHoldsNothing() throws Exception {
		Files.createDirectories(orders.resolve("2025"));

		assertThat(workspace.inputFiles("orders")).containsExactly(orders.resolve("all-orders.txt"));
		assertThat(workspace.inputFiles("messages")).isEmpty();
	}

	private InputListing listOrders() {
		return InputListing.of(workspace.home().resolve("input"), orders, 1, folder -> false);
	}

}
