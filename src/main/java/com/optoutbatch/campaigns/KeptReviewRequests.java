package com.optoutbatch.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.carrotsearch.hppc.LongLongHashMap;

import com.optoutbatch.support.OrderIds;

/**
 * For every order that the campaign lists ask a review for, the one request that is kept:
 * the earliest planned send (unknown dates last), then by list name, then by line. Every
 * other request for the same order is a duplicate. Each order takes one entry of two
 * longs in a primitive map, so memory follows the orders asked for a review, not the list
 * rows.
 */
class KeptReviewRequests {

	// a request packed into one long: planned send day, list (numbered as first seen, so
	// compared by name), line; the top bit stays clear
	private static final int LINE_BITS = 32;

	private static final int LIST_BITS = 10;

	private static final int DAY_BITS = 64 - LIST_BITS - LINE_BITS - 1;

	private static final long NO_DAY = (1L << DAY_BITS) - 1;

	private static final long FIRST_DAY = -(1L << (DAY_BITS - 1));

	private final LongLongHashMap keptByOrder = new LongLongHashMap();

	private final List<String> lists = new ArrayList<>();

	private final Map<String, Integer> listNumbers = new HashMap<>();

	void note(ReviewRequest request) {
		note(request.listName(), request.line(), OrderIds.key(request.orderId()), request.plannedSendDate());
	}

	/** A request for the order {@link OrderIds#key} numbers {@code order}. */
	synchronized void note(String listName, long line, long order, LocalDate plannedSendDate) {
		long candidate = pack(listNumber(listName), line, plannedSendDate);
		int slot = keptByOrder.indexOf(order);
		if (!keptByOrder.indexExists(slot)) {
			keptByOrder.indexInsert(slot, order, candidate);
		}
		else if (keptBefore(candidate, keptByOrder.indexGet(slot))) {
			keptByOrder.indexReplace(slot, candidate);
		}
	}

	/** Whether another request for the same order is kept instead of this one. */
	synchronized boolean isDuplicate(String listName, long line, String orderId) {
		Integer list = listNumbers.get(listName);
		int slot = keptByOrder.indexOf(OrderIds.key(orderId));
		if (list == null || !keptByOrder.indexExists(slot)) {
			return false;
		}
		long kept = keptByOrder.indexGet(slot);
		return listOf(kept) != list || lineOf(kept) != line;
	}

	synchronized int orders() {
		return keptByOrder.size();
	}

	private boolean keptBefore(long candidate, long kept) {
		if (dayOf(candidate) != dayOf(kept)) {
			return dayOf(candidate) < dayOf(kept);
		}
		int byList = lists.get(listOf(candidate)).compareTo(lists.get(listOf(kept)));
		return byList != 0 ? byList < 0 : lineOf(candidate) < lineOf(kept);
	}

	private int listNumber(String listName) {
		return listNumbers.computeIfAbsent(listName, name -> {
			if (lists.size() == 1 << LIST_BITS) {
				throw new IllegalStateException("more than " + (1 << LIST_BITS) + " campaign lists in one run");
			}
			lists.add(name);
			return lists.size() - 1;
		});
	}

	private static long pack(int list, long line, LocalDate plannedSendDate) {
		if (line >>> LINE_BITS != 0) {
			throw new IllegalArgumentException("line " + line + " is beyond the lines a campaign list can have");
		}
		long day = plannedSendDate == null ? NO_DAY
				: Math.min(Math.max(plannedSendDate.toEpochDay(), FIRST_DAY), -FIRST_DAY - 2) - FIRST_DAY;
		return day << (LIST_BITS + LINE_BITS) | (long) list << LINE_BITS | line;
	}

	private static long dayOf(long request) {
		return request >>> (LIST_BITS + LINE_BITS);
	}

	private static int listOf(long request) {
		return (int) (request >>> LINE_BITS) & ((1 << LIST_BITS) - 1);
	}

	private static long lineOf(long request) {
		return request & ((1L << LINE_BITS) - 1);
	}

}
