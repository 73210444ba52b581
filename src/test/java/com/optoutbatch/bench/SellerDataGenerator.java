package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a seller-scale workspace ({@code input/} and an empty {@code output/}) for the
 * benchmark: {@code SellerDataGenerator --scale S|M|L [--seed N] [--out DIR]}. The same
 * scale and seed give the same bytes; every file is streamed to disk as it is generated.
 */
public final class SellerDataGenerator {

	static final long DEFAULT_SEED = 20261126L;

	private final Scale scale;

	private final long seed;

	public SellerDataGenerator(Scale scale, long seed) {
		this.scale = scale;
		this.seed = seed;
	}

	/** What was written, for the summary line and the tests. */
	public record Summary(long orderLines, long sentMessages, long mails, long campaignRows) {
	}

	public Summary write(Path workspace) throws IOException {
		Path input = workspace.resolve("input");
		Files.createDirectories(workspace.resolve("output"));
		SyntheticSeller seller = new SyntheticSeller(seed, scale);
		long orderLines = new OrderReportGenerator(seller, seed).write(input.resolve("orders"));
		long messages = new MessageLogGenerator(seller, seed).write(input.resolve("messages"), scale.sentMessages);
		long mails = new MailboxGenerator(seller, seed).write(input.resolve("mailbox"), scale.mails);
		CampaignListGenerator campaigns = new CampaignListGenerator(seller, seed);
		long rows = campaigns.write(input.resolve("campaigns"), scale.campaignRows);
		campaigns.writeOptOutLists(input.resolve("optouts"));
		return new Summary(orderLines, messages, mails, rows);
	}

	public static void main(String[] args) throws IOException {
		Scale scale = Scale.S;
		long seed = DEFAULT_SEED;
		Path out = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--scale" -> scale = Scale.of(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				default -> {
					System.err.println("usage: generate-data.sh --scale S|M|L [--seed N] [--out DIR]");
					System.exit(2);
				}
			}
		}
		Path workspace = out != null ? out : Path.of("target", "bench", "workspace-" + scale.name().toLowerCase());
		long started = System.nanoTime();
		Summary summary = new SellerDataGenerator(scale, seed).write(workspace);
		System.out.printf(
				"%s: scale %s, seed %d: %,d order lines, %,d sent messages, %,d mails, %,d campaign rows (%.1f s)%n",
				workspace, scale, seed, summary.orderLines(), summary.sentMessages(), summary.mails(),
				summary.campaignRows(), (System.nanoTime() - started) / 1e9);
	}

}
