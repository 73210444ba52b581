package com.optoutbatch.campaigns;

import java.time.LocalDate;

/** A row of a campaign list that asks an order for a review. */
record ReviewRequest(String listName, long line, String orderId, LocalDate plannedSendDate) {
}
