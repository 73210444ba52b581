package com.optoutbatch.messages;

/**
 * The seller's category for a message, from a line of {@code input/labels/*.csv}: it
 * overrides the classifier's, and {@code trainClassifier} learns from it.
 */
record SellerLabel(String messageId, MessageCategory category, String file, long line) {
}
