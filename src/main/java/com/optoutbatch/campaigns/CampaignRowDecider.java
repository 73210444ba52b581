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
		String orderId = checked.orderId();
		boolean optedOutOrder = index.isOptedOutOrder(orderId);
		boolean optedOutBuyer = index.isOptedOutBuyer(checked.buyerAlias(), orderId);
		if (checked.purpose() == CampaignPurpose.CRITICAL) {
			return decided(checked, null, optedOutOrder || optedOutBuyer);
		}
		if (optedOutOrder) {
			return decided(checked, SuppressionReason.OPTED_OUT_ORDER, false);
		}
		if (optedOutBuyer) {
			return decided(checked, SuppressionReason.OPTED_OUT_BUYER, false);
		}
		if (checked.purpose() == CampaignPurpose.REVIEW_REQUEST && orderId != null) {
			if (index.reviewAlreadyRequested(orderId)) {
				return decided(checked, SuppressionReason.REVIEW_ALREADY_REQUESTED, false);
			}
			if (index.isDuplicateReviewRequest(row.list().name(), row.line(), orderId)) {
				return decided(checked, SuppressionReason.DUPLICATE_REVIEW_REQUEST, false);
			}
			if (outsideReviewWindow(checked)) {
				return decided(checked, SuppressionReason.OUTSIDE_REVIEW_WINDOW, false);
			}
		}
		return decided(checked, null, false);
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
		return new CheckedRow(row, orderId, alias, purposeOf(row),
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

	private static DecidedRow decided(CheckedRow row, SuppressionReason reason, boolean criticalToOptedOutBuyer) {
		return new DecidedRow(row.row(), row.orderId(), row.buyerAlias(), reason, criticalToOptedOutBuyer);
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

	/** A campaign row whose fields have been checked. */
	record CheckedRow(CampaignRow row, String orderId, String buyerAlias, CampaignPurpose purpose,
			LocalDate plannedSendDate, LocalDate deliveryDate) {
	}

}
