package com.optoutbatch.messages;

/**
 * A sent message with what the classifier decided about it: one row of the messages
 * table.
 */
record ClassifiedMessage(SentMessage message, Classification classification) {
}
