package com.optoutbatch.campaigns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.optoutbatch.support.InputLedger.Fingerprint;
import com.optoutbatch.support.Workspace;

/**
 * Which campaign lists a run decides again from their decision files, and which it reads
 * whole. A list is decided from its decision file when the run pinned it as unchanged
 * since a completed run read it (so never with {@code inputs=all} or {@code --rerun}),
 * with the content that file was made from, its shape (header, columns, profile, format)
 * is the same, its charset can be cut byte by byte, and both its copies are byte for byte
 * those the file describes; every other list is read whole, and its earlier outputs are
 * dropped.
 */
class DecidedLists {

	private final List<CampaignList> fromDecisions = new ArrayList<>();

	private final List<CampaignList> toRead = new ArrayList<>();

	DecidedLists(List<CampaignList> lists, Workspace workspace, Function<CampaignList, Fingerprint> pinned) {
		for (CampaignList list : lists) {
			(decidedBefore(list, workspace, pinned.apply(list)) ? fromDecisions : toRead).add(list);
		}
	}

	private static boolean decidedBefore(CampaignList list, Workspace workspace, Fingerprint pinned) {
		if (!list.usable() || pinned == null || pinned.sha256() == null
				|| !ListDecision.byteAligned(list.format().charset().charset())) {
			return false;
		}
		ListDecision.Trailer last = ListDecision.trailer(ListDecision.of(workspace, list.file()));
		return last != null && pinned.sha256().equals(last.listSha256())
				&& ListDecision.shapeOf(list).equals(last.shape())
				&& ListDecision.inPlace(SendListWriter.sendList(workspace, list.file(), "clean"), last.clean())
				&& ListDecision.inPlace(SendListWriter.sendList(workspace, list.file(), "suppressed"),
						last.suppressed());
	}

	/** The lists decided again from their decision files. */
	List<CampaignList> fromDecisions() {
		return fromDecisions;
	}

	/** The lists read whole. */
	List<CampaignList> toRead() {
		return toRead;
	}

	/**
	 * The outputs a run keeps from the last: the copies and decision files of the lists
	 * decided again.
	 */
	List<Path> kept(Workspace workspace) {
		List<Path> kept = new ArrayList<>();
		for (CampaignList list : fromDecisions) {
			kept.add(ListDecision.of(workspace, list.file()));
			kept.add(SendListWriter.sendList(workspace, list.file(), "clean"));
			kept.add(SendListWriter.sendList(workspace, list.file(), "suppressed"));
		}
		return kept;
	}

}
