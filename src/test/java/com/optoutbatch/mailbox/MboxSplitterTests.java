package com.optoutbatch.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MboxSplitterTests {

	@Test
	void messagesAreSplitAtFromLinesAndLoseTheBlankLineBeforeTheNext() throws IOException {
		List<String> messages = split("""
				From a@example.com Thu Nov 05 17:12:44 2026
				Subject: one

				first body

				From b@example.com Thu Nov 05 17:13:44 2026
				Subject: two

				second body

				""");

		assertThat(messages).containsExactly("Subject: one\n\nfirst body\n", "Subject: two\n\nsecond body\n");
	}

	@Test
	void mboxrdAndMboxoQuotingIsUndone() throws IOException {
		List<String> messages = split("""
				From a@example.com Thu Nov 05 17:12:44 2026
				Subject: quoted

				>From the team
				>>From a quote
				> From is not quoting
				""");

		assertThat(messages)
			.containsExactly("Subject: quoted\n\nFrom the team\n>From a quote\n> From is not quoting\n");
	}

	@Test
	void lastMessageWithoutTrailingBlankLineOrLineEndIsKept() throws IOException {
		List<String> messages = split(
				"From a Thu Nov 05 17:12:44 2026\nSubject: one\n\nbody\nFrom b Thu Nov 05 2026\nSubject: two\n\nend");

		assertThat(messages).containsExactly("Subject: one\n\nbody\n", "Subject: two\n\nend");
	}

	@Test
	void crlfLineEndsAreKept() throws IOException {
		List<String> messages = split(
				"From a Thu Nov 05 2026\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom b Thu Nov 05 2026\r\nSubject: two\r\n\r\n>From x\r\n");

		assertThat(messages).containsExactly("Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n\r\nFrom x\r\n");
	}

	@Test
	void aFileWithoutSeparatorsIsOneMessage() throws IOException {
		assertThat(split("Subject: plain\n\nbody\n")).containsExactly("Subject: plain\n\nbody\n");
		assertThat(split("")).isEmpty();
		assertThat(split("\n\n")).isEmpty();
	}

	@Test
	void blankLinesBeforeTheFirstSeparatorAreNotPartOfTheFirstMessage() throws Exception {
		List<String> messages = split("\r\n\r\nFrom a Thu Nov 05 2026\r\nSubject: one\r\n\r\nbody\r\n\r\n"
				+ "From b Thu Nov 05 2026\r\nSubject: two\r\n\r\nend\r\n");

		assertThat(messages).containsExactly("Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n\r\nend\r\n");
		// a blank line ahead of them would have made the headers of the first message its
		// body
		assertThat(new MessageParser(MailCaps.DEFAULTS).parse(messages.get(0).getBytes(StandardCharsets.US_ASCII))
			.subject()).isEqualTo("one");
	}

	@Test
	void aSingleMessageKeepsItsFromLinesAndLosesOnlyItsEnvelope() throws IOException {
		MboxSplitter splitter = new MboxSplitter(
				stream("From MAILER-DAEMON Thu Nov 05 2026\nSubject: x\n\nFrom here on\n"), 0, true, 1000);

		assertThat(new String(splitter.next().bytes(), StandardCharsets.US_ASCII))
			.isEqualTo("Subject: x\n\nFrom here on\n");
		assertThat(splitter.next()).isNull();
	}

	@Test
	void aMessageOverTheCapKeepsOnlyItsHeadAndTheNextOneIsRead() throws IOException {
		String big = "Message-ID: <big@example.com>\n\n" + "x".repeat(200_000) + "\n";
		MboxSplitter splitter = new MboxSplitter(
				stream("From a 2026\n" + big + "\nFrom b 2026\nSubject: small\n\nok\n"), 0, false, 100_000);

		MboxSplitter.Entry first = splitter.next();
		assertThat(first.overCap()).isTrue();
		assertThat(first.size()).isEqualTo(big.length() + 1);
		assertThat(first.bytes()).hasSize(MboxSplitter.HEAD_BYTES);
		assertThat(MailFileReader.messageId(first.bytes())).isEqualTo("<big@example.com>");
		assertThat(new String(splitter.next().bytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: small\n\nok\n");
	}

	@Test
	void offsetsPointAtEachSeparatorSoThatAReadCanResumeThere() throws IOException {
		String mbox = "From a 2026\nSubject: one\n\nx\n\nFrom b 2026\nSubject: two\n\ny\n";
		MboxSplitter splitter = new MboxSplitter(stream(mbox), 0, false, 1000);
		assertThat(splitter.next().offset()).isZero();
		long resume = splitter.offset();
		assertThat(mbox.substring((int) resume)).startsWith("From b");

		MboxSplitter resumed = new MboxSplitter(stream(mbox.substring((int) resume)), resume, false, 1000);
		MboxSplitter.Entry second = resumed.next();
		assertThat(second.offset()).isEqualTo(resume);
		assertThat(new String(second.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: two\n\ny\n");
	}

	@Test
	void aLongLineWithoutLineEndIsStreamed() throws IOException {
		String line = "y".repeat(1 << 20);
		List<String> messages = split("From a 2026\nSubject: long\n\n" + line);

		assertThat(messages).singleElement().asString().endsWith(line).hasSize(line.length() + 15);
	}

	private static List<String> split(String mbox) throws IOException {
		List<String> messages = new ArrayList<>();
		try (MboxSplitter splitter = new MboxSplitter(stream(mbox), 0, false, 10_000_000)) {
			for (MboxSplitter.Entry entry = splitter.next(); entry != null; entry = splitter.next()) {
				messages.add(new String(entry.bytes(), StandardCharsets.UTF_8));
			}
		}
		return messages;
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
