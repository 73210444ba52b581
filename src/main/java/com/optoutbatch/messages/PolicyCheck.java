package com.optoutbatch.messages;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks a log record and classifies the message it holds. */
class PolicyCheck implements ItemProcessor<MessageLogLine, ClassifiedMessage> {

	private final SentMessageParser parser;

	private final MessageClassifier classifier;

	PolicyCheck(SentMessageParser parser, MessageClassifier classifier) {
		this.parser = parser;
		this.classifier = classifier;
	}

	@Override
	public ClassifiedMessage process(MessageLogLine line) {
		SentMessage message = parser.process(line);
		return new ClassifiedMessage(message, classifier.classify(message.subject(), message.body()));
	}

}
