package com.optoutbatch.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Notice detection on the sample inbox ({@code input/mailbox/seller-inbox-2026-11.mbox}:
 * notices in seven languages and shapes, forwards, look-alikes, bounces), one message per
 * operation: parsing the MIME structure with Angus Mail, and the verdict on the parsed mail.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoticeDetectionBenchmark {

	private final MessageParser parser = new MessageParser(MailCaps.DEFAULTS);

	private final NoticeDetector detector = new NoticeDetector(NoticeRules.defaults(), List.of());

	private final List<byte[]> messages = new ArrayList<>();

	private final List<ParsedMail> parsed = new ArrayList<>();

	private int next;

	@Setup
	public void load() throws Exception {
		try (InputStream in = Files.newInputStream(Path.of("input/mailbox/seller-inbox-2026-11.mbox"));
				MboxSplitter mbox = new MboxSplitter(in, 0, false, MailCaps.DEFAULTS.maxMessageBytes())) {
			for (MboxSplitter.Entry message = mbox.next(); message != null; message = mbox.next()) {
				// the sample's hostile message is rejected by the caps: it is no part of the hot path
				try {
					parsed.add(parser.parse(message.bytes()));
					messages.add(message.bytes());
				}
				catch (MailCapExceededException e) {
					continue;
				}
			}
		}
	}

	@Benchmark
	public void parseMessage(Blackhole blackhole) throws Exception {
		blackhole.consume(parser.parse(messages.get(next++ % messages.size())));
	}

	@Benchmark
	public void detectNotice(Blackhole blackhole) {
		blackhole.consume(detector.detect(parsed.get(next++ % parsed.size())));
	}

}
