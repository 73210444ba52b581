package com.optoutbatch.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the messages of a live IMAP folder that no earlier run processed, read-only. The
 * processed ones are remembered by UIDVALIDITY and UID in {@code mailbox_imap_processed},
 * written with each chunk's commit, so a restart or the next night goes on where the last
 * commit left off. A folder that cannot be reached is rejected whole and the run goes on.
 */
class ImapFolderReader implements ItemStreamReader<RawMessage> {

	private static final Logger log = LoggerFactory.getLogger(ImapFolderReader.class);

	private final MailboxSettings.Imap imap;

	private final MailCaps caps;

	private final JdbcTemplate jdbc;

	private final String label;

	private Store store;

	private Folder folder;

	private long uidValidity;

	private final Deque<Long> pending = new ArrayDeque<>();

	private final List<Long> readSinceCommit = new ArrayList<>();

	private RejectedRecordException rejectedWhole;

	private long index;

	ImapFolderReader(MailboxSettings.Imap imap, MailCaps caps, JdbcTemplate jdbc) {
		this.imap = imap;
		this.caps = caps;
		this.jdbc = jdbc;
		this.label = imap.label();
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			Properties properties = new Properties();
			String protocol = imap.tls() ? "imaps" : "imap";
			properties.setProperty("mail.store.protocol", protocol);
			properties.setProperty("mail." + protocol + ".connectiontimeout", "30000");
			properties.setProperty("mail." + protocol + ".timeout", "120000");
			// without implicit TLS, upgrade the connection whenever the server offers it
			properties.setProperty("mail.imap.starttls.enable", "true");
			store = Session.getInstance(properties).getStore(protocol);
			store.connect(imap.host(), imap.port(), imap.user(), imap.password());
			folder = store.getFolder(imap.folder());
			folder.open(Folder.READ_ONLY);
			UIDFolder uids = (UIDFolder) folder;
			uidValidity = uids.getUIDValidity();
			Set<Long> processed = new HashSet<>(jdbc.queryForList(
					"SELECT uid FROM mailbox_imap_processed WHERE mailbox = ? AND uid_validity = ?", Long.class, label,
					uidValidity));
			Message[] messages = folder.getMessages();
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			folder.fetch(messages, profile);
			for (Message message : messages) {
				long uid = uids.getUID(message);
				if (!processed.contains(uid)) {
					pending.add(uid);
				}
			}
			log.info("{}: {} messages, {} not processed before", label, messages.length, pending.size());
		}
		catch (MessagingException | RuntimeException e) {
			rejectedWhole = new RejectedRecordException("folder", "unreachable IMAP folder",
					e.getClass().getSimpleName() + ": " + e.getMessage(), "");
		}
	}

	@Override
	public RawMessage read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			throw whole;
		}
		Long uid = pending.poll();
		if (uid == null) {
			return null;
		}
		readSinceCommit.add(uid);
		index++;
		String position = "uid " + uid;
		try {
			Message message = ((UIDFolder) folder).getMessageByUID(uid);
			if (message == null) {
				throw new RejectedRecordException(position, "message gone", "expunged while the scan ran", "");
			}
			if (message.getSize() > caps.maxMessageBytes()) {
				throw new RejectedRecordException(MailFileReader.where(position, messageId(message)), "message too large",
						message.getSize() + " bytes, the cap is " + caps.maxMessageBytes(), "");
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
			message.writeTo(bytes);
			return RawMessage.of(label, index, position, bytes.toByteArray());
		}
		catch (MessagingException | IOException e) {
			throw new RejectedRecordException(position, "unreadable message", String.valueOf(e.getMessage()), "");
		}
	}

	private static String messageId(Message message) {
		try {
			String[] ids = message.getHeader("Message-ID");
			return ids == null || ids.length == 0 ? null : ids[0].trim();
		}
		catch (MessagingException e) {
			return null;
		}
	}

	/** Runs inside the chunk's transaction: the messages of the chunk are processed exactly when it commits. */
	@Override
	public void update(ExecutionContext context) {
		if (!readSinceCommit.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO mailbox_imap_processed (mailbox, uid_validity, uid) VALUES (?, ?, ?)",
					readSinceCommit, readSinceCommit.size(), (statement, uid) -> {
						statement.setString(1, label);
						statement.setLong(2, uidValidity);
						statement.setLong(3, uid);
					});
			readSinceCommit.clear();
		}
	}

	@Override
	public void close() {
		try {
			if (folder != null && folder.isOpen()) {
				folder.close(false);
			}
			if (store != null) {
				store.close();
			}
		}
		catch (MessagingException e) {
			log.warn("{}: closing the connection failed: {}", label, e.getMessage());
		}
		folder = null;
		store = null;
	}

}
