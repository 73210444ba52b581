package com.optoutbatch.mailbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every mail that other projects collected (bounces, malformed and torture mail) goes
 * through the same reader and scanner as a mailbox dump: none may crash or hang the scan,
 * none is an opt-out, and every message gets a verdict or a reject.
 */
class CorpusScanTests {

	static final Path CORPUS = Path.of("../shared/corpora/emails");

	@Test
	void noMailOfTheCorpusIsAnOptOutAndEveryOneIsAccountedFor() throws IOException {
		assumeTrue(Files.isDirectory(CORPUS), "the shared mail corpus is not here (" + CORPUS.toAbsolutePath() + ")");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(CORPUS)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		MailScanner scanner = new MailScanner(new MessageParser(MailCaps.DEFAULTS),
				new NoticeDetector(NoticeRules.defaults(), List.of()));
		Map<NoticeVerdict, Long> verdicts = new EnumMap<>(NoticeVerdict.class);
		long[] read = new long[1];
		long[] rejected = new long[1];

		assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
			for (Path file : files) {
				MailFileReader reader = new MailFileReader(file, MailCaps.DEFAULTS);
				reader.open(new ExecutionContext());
				try {
					while (true) {
						RawMessage message;
						try {
							message = reader.read();
						}
						catch (RejectedRecordException e) {
							read[0]++;
							rejected[0]++;
							continue;
						}
						if (message == null) {
							break;
						}
						read[0]++;
						try {
							verdicts.merge(scanner.scan(message).finding().verdict(), 1L, Long::sum);
						}
						catch (RejectedRecordException e) {
							rejected[0]++;
						}
					}
				}
				finally {
					reader.close();
				}
			}
		});

		assertThat(files).hasSizeGreaterThan(1000);
		assertThat(verdicts.getOrDefault(NoticeVerdict.OPT_OUT_NOTICE, 0L)).isZero();
		assertThat(verdicts.values().stream().mapToLong(Long::longValue).sum() + rejected[0]).isEqualTo(read[0]);
		assertThat(read[0]).isGreaterThanOrEqualTo(files.size());
		System.out.printf("corpus: %d files, %d messages, %s, %d rejected%n", files.size(), read[0], verdicts,
				rejected[0]);
	}

}
