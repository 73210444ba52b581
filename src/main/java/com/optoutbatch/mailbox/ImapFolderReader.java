package com.optoutbatch.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
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
 * commit left off. A folder that cannot be reached is rejected whole, with the cause in
 * plain words, and the run goes on.
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
			Set<Long> processed = new HashSet<>(
					jdbc.queryForList("SELECT uid FROM mailbox_imap_processed WHERE mailbox = ? AND uid_validity = ?",
							Long.class, label, uidValidity));
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
			rejectedWhole = unreachable(imap, e);
			log.warn("{}: {}", label, rejectedWhole.getMessage());
		}
	}

	/**
	 * The whole-source reject of a folder the scan could not open, naming the cause in
	 * plain words: the password refused, the server down or unknown, the folder missing.
	 * The password is never part of it, even when a server repeats it.
	 */
	static RejectedRecordException unreachable(MailboxSettings.Imap imap, Exception e) {
		String server = imap.host() + ":" + imap.port();
		String account = (imap.user() == null || imap.user().isBlank() ? "" : imap.user() + "@") + imap.host();
		RejectedRecordException rejected;
		if (e instanceof AuthenticationFailedException) {
			rejected = RejectedRecordException.wholeFile("IMAP authentication failed for " + account,
					"the server refused the user name or password" + serverSaid(e));
		}
		else if (e instanceof FolderNotFoundException) {
			rejected = RejectedRecordException.wholeFile("IMAP folder " + imap.folder() + " not found",
					"no such folder for " + account);
		}
		else if (networkCause(e) != null) {
			rejected = RejectedRecordException.wholeFile("IMAP server " + server + " unreachable", networkCause(e));
		}
		else {
			rejected = RejectedRecordException.wholeFile("IMAP folder of " + account + " unreadable",
					e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		String password = imap.password();
		if (password == null || password.isEmpty() || !rejected.getMessage().contains(password)) {
			return rejected;
		}
		return RejectedRecordException.wholeFile(rejected.reason().replace(password, "***"),
				rejected.detail().replace(password, "***"));
	}

	private static String serverSaid(Exception e) {
		String said = e.getMessage();
		return said == null || said.isBlank() ? "" : " (the server said: " + said.strip() + ")";
	}

	/**
	 * What went wrong on the network, in a few words, or {@code null} when nothing did.
	 */
	private static String networkCause(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host";
			}
			if (cause instanceof NoRouteToHostException) {
				return "no route to host";
			}
			if (cause instanceof SocketTimeoutException) {
				return "no answer in time";
			}
			if (cause instanceof SSLException) {
				return "TLS failed: " + cause.getMessage();
			}
			if (cause instanceof IOException) {
				return cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
		}
		return null;
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
				throw new RejectedRecordException(MailFileReader.where(position, messageId(message)),
						"message too large", message.getSize() + " bytes, the cap is " + caps.maxMessageBytes(), "");
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
			message.writeTo(bytes);
			return RawMessage.of(label, index, position, bytes.toByteArray());
		}
		catch (FolderClosedException | StoreClosedException e) {
			// the connection is gone: the messages left are not processed, the next run
			// reads them
			readSinceCommit.remove(uid);
			int left = pending.size() + 1;
			pending.clear();
			throw RejectedRecordException.unparseable(position, "IMAP connection lost",
					left + " messages not read, left for the next run: " + e.getMessage(), "");
		}
		catch (MessagingException | IOException e) {
			throw RejectedRecordException.unparseable(position, "unreadable message", String.valueOf(e.getMessage()),
					"");
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

	/**
	 * Runs inside the chunk's transaction: the messages of the chunk are processed
	 * exactly when it commits.
	 */
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
