package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a day after the export adds to a generated workspace, before the nightly run of
 * the next night: {@code DayOfNewData --scale S|M|L [--seed N] --night K --workspace DIR}
 * (K from 2: the data that came in since night K - 1). A new US order report of the day's
 * new orders, a hundredth of the order lines; a new sent-message log, a hundredth of the
 * messages; mails appended to the inbox's mbox, a few of them notices; one new campaign
 * list. The same scale, seed and night give the same bytes.
 */
public final class DayOfNewData {

	/** Mails appended to the inbox each day. */
	static final int MAILS = 50;

	/** Rows of the day's campaign list. */
	static final int CAMPAIGN_ROWS = 2_000;

	private final Scale scale;

	private final long seed;

	private final int night;

	public DayOfNewData(Scale scale, long seed, int night) {
		if (night < 2) {
			throw new IllegalArgumentException("night " + night + ": the first night reads the generated workspace");
		}
		this.scale = scale;
		this.seed = seed;
		this.night = night;
	}

	/** What was added, for the summary line and the tests. */
	public record Summary(LocalDate day, long orderLines, long sentMessages, long mails, long campaignRows) {
	}

	/** Adds the day to the workspace's {@code input/}. */
	public Summary write(Path workspace) throws IOException {
		Path input = workspace.resolve("input");
		// night 2 reads the first day after the export day
		int day = night - 1;
		SyntheticSeller seller = new SyntheticSeller(seed, scale);
		long orderLines = new OrderReportGenerator(seller, seed).writeDay(input.resolve("orders"), day);
		long messages = new MessageLogGenerator(seller, seed).writeDay(input.resolve("messages"), day,
				(int) Math.round(scale.sentMessages * SyntheticSeller.DAYS_SHARE));
		long mails = new MailboxGenerator(seller, seed).appendDay(input.resolve("mailbox"), day,
				scale.mails + (day - 1) * MAILS, MAILS);
		long rows = new CampaignListGenerator(seller, seed).writeDay(input.resolve("campaigns"), day, CAMPAIGN_ROWS);
		return new Summary(SyntheticSeller.EXPORT_DAY.plusDays(day), orderLines, messages, mails, rows);
	}

	public static void main(String[] args) throws IOException {
		Scale scale = Scale.S;
		long seed = SellerDataGenerator.DEFAULT_SEED;
		int night = 0;
		Path workspace = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--scale" -> scale = Scale.of(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--night" -> night = Integer.parseInt(args[++i]);
				case "--workspace" -> workspace = Path.of(args[++i]);
				default -> usage();
			}
		}
		if (night < 2 || workspace == null) {
			usage();
		}
		Summary summary = new DayOfNewData(scale, seed, night).write(workspace);
		System.out.printf(
				"%s: night %d, new data of %s: %,d order lines, %,d sent messages, %,d mails, %,d campaign rows%n",
				workspace, night, summary.day(), summary.orderLines(), summary.sentMessages(), summary.mails(),
				summary.campaignRows());
	}

	private static void usage() {
		System.err.println("usage: DayOfNewData --scale S|M|L [--seed N] --night K (from 2) --workspace DIR");
		System.exit(2);
	}

}
