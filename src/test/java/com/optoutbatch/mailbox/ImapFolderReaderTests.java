package com.optoutbatch.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import org.junit.jupiter.api.Test;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RejectedRecordException.Unread;

import static org.assertj.core.api.Assertions.assertThat;

class ImapFolderReaderTests {

	static final MailboxSettings.Imap IMAP = new MailboxSettings.Imap("imap.example-shop.com", 993, "seller", "s3cret!",
			"INBOX", true);

	@Test
	void aServerThatRepeatsThePasswordInItsRefusalStillNeverGetsItIntoTheReject() {
		RejectedRecordException rejected = ImapFolderReader.unreachable(IMAP,
				new AuthenticationFailedException("LOGIN seller s3cret! failed"));

		assertThat(rejected.getMessage()).isEqualTo("IMAP authentication failed for seller@imap.example-shop.com: "
				+ "the server refused the user name or password (the server said: LOGIN seller *** failed)");
		assertThat(rejected.unread()).isEqualTo(Unread.FILE);
	}

	@Test
	void aMissingFolderIsNamed() {
		RejectedRecordException rejected = ImapFolderReader.unreachable(IMAP, new FolderNotFoundException());

		assertThat(rejected.getMessage())
			.isEqualTo("IMAP folder INBOX not found: no such folder for seller@imap.example-shop.com");
	}

}
