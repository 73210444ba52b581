package com.optoutbatch.campaigns;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.orders.BuyerAlias;
import com.optoutbatch.support.ExportDates;
import com.optoutbatch.support.RejectedRecordException;

import com.optoutbatch.messages.ReviewWindow;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks a campaign row and decides it: held back with the first reason that applies, or
 * clean. A critical campaign keeps its rows for opted-out buyers, flagged instead.
 */
class CampaignRowDecider implements ItemProcessor<CampaignRow, DecidedRow> {

	private final SuppressionIndex index;

	CampaignRowDecider(SuppressionIndex index) {
		this.index = index;
	}

	@Override
	public DecidedRow process(CampaignRow row) {
		CheckedRow checked = check(row);
		return new DecidedRow(row, checked, decide(checked));
	}

	/** The verdict on a checked row, against what the index knows now. */
	Verdict decide(CheckedRow row) {
		String orderId = row.orderId();
		boolean optedOutOrder = index.isOptedOutOrder(orderId);
		boolean optedOutBuyer = index.isOptedOutBuyer(row.buyerAlias(), orderId);
		if (row.purpose() == CampaignPurpose.CRITICAL) {
			return optedOutOrder || optedOutBuyer ? Verdict.CRITICAL_TO_OPTED_OUT : Verdict.CLEAN;
		}
		if (optedOutOrder) {
			return Verdict.held(SuppressionReason.OPTED_OUT_ORDER);
		}
		if (optedOutBuyer) {
			return Verdict.held(SuppressionReason.OPTED_OUT_BUYER);
		}
		if (row.purpose() == CampaignPurpose.REVIEW_REQUEST && orderId != null) {
			if (index.reviewAlreadyRequested(orderId)) {
				return Verdict.held(SuppressionReason.REVIEW_ALREADY_REQUESTED);
			}
			if (index.isDuplicateReviewRequest(row.listName(), row.line(), orderId)) {
				return Verdict.held(SuppressionReason.DUPLICATE_REVIEW_REQUEST);
			}
			if (outsideReviewWindow(row)) {
				return Verdict.held(SuppressionReason.OUTSIDE_REVIEW_WINDOW);
			}
		}
		return Verdict.CLEAN;
	}

	/** The row's fields checked and normalised; a row that cannot be used is rejected. */
	static CheckedRow check(CampaignRow row) {
		String orderId = row.orderId();
		if (orderId != null && !OrderIds.isOrderId(orderId)) {
			throw reject(row, "malformed order id", "'" + orderId + "' is not of the form 123-1234567-1234567");
		}
		String alias;
		try {
			alias = BuyerAlias.normalise(row.buyerAlias());
		}
		catch (IllegalArgumentException e) {
			throw reject(row, "malformed buyer alias", "the buyer alias cell is not an e-mail address");
		}
		if (orderId == null && alias == null) {
			throw reject(row, "no order id or buyer alias", "the row names neither an order nor a buyer");
		}
		return new CheckedRow(row.list().name(), row.line(), orderId, alias, purposeOf(row),
				date(row, "planned send date", row.plannedSendDate()), date(row, "delivery date", row.deliveryDate()));
	}

	static CampaignPurpose purposeOf(CampaignRow row) {
		return row.list().profile() == null ? null : row.list().profile().purposeOf(row.purpose());
	}

	private static boolean outsideReviewWindow(CheckedRow row) {
		if (row.plannedSendDate() == null || row.deliveryDate() == null) {
			return false;
		}
		long days = ChronoUnit.DAYS.between(row.deliveryDate(), row.plannedSendDate());
		return days < ReviewWindow.FIRST_DAY || days > ReviewWindow.LAST_DAY;
	}

	private static LocalDate date(CampaignRow row, String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return ExportDates.parse(value).toLocalDate();
		}
		catch (DateTimeParseException e) {
			throw reject(row, "unreadable " + field, "'" + value + "' is not a date");
		}
	}

	private static RejectedRecordException reject(CampaignRow row, String reason, String detail) {
		return new RejectedRecordException(row.line(), reason, detail, row.list().maskedRecord(row.cells()));
	}

	/**
	 * What deciding a campaign row reads of it: its fields checked and normalised.
	 */
	record CheckedRow(String listName, long line, String orderId, String buyerAlias, CampaignPurpose purpose,
			LocalDate plannedSendDate, LocalDate deliveryDate) {
	}

}
