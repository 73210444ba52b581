package com.optoutbatch.messages;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.support.ExportDates;

/**
 * Finds the layout of a sent-message log: the generic header first, then a profile whose
 * columns are all there, then detection by header names and by what the first records
 * hold. A log none of these can read is refused with what was missing.
 */
final class MessageLayouts {

	static final String GENERIC = "generic";

	static final String DETECTED = "detected";

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final double MOSTLY = 0.8;

	// header names seen in tools' exports and in other languages, compared after
	// MessageField.normalise
	private static final Map<MessageField, Set<String>> NAMES = Map.of(
			MessageField.MESSAGE_ID, Set.of("messageid", "id", "emailid", "msgid", "nachrichtenid"),
			MessageField.ORDER_ID, Set.of("orderid", "amazonorderid", "ordernumber", "order", "ordernr",
					"bestellnummer", "numerodecommande", "numeroordine", "numerodepedido", "注文番号"),
			MessageField.RECIPIENT,
			Set.of("recipient", "to", "buyeremail", "email", "emailaddress", "customeremail", "empfänger",
					"destinataire", "destinatario", "宛先"),
			MessageField.SUBJECT,
			Set.of("subject", "emailsubject", "messagesubject", "title", "betreff", "objet", "asunto", "oggetto", "件名"),
			MessageField.BODY,
			Set.of("body", "message", "messagebody", "emailbody", "content", "emailcontent", "text", "nachricht",
					"inhalt", "contenu", "mensaje", "messaggio", "本文", "メッセージ"),
			MessageField.SENT_AT,
			Set.of("sentat", "sent", "sentdate", "senton", "datesent", "date", "senttime", "timestamp", "datum",
					"gesendetam", "dateenvoi", "fechaenvio", "fecha", "dataenvio", "data", "送信日時", "送信日"),
			MessageField.TOOL, Set.of("tool", "sentwith", "app"));

	private final MessageProfiles profiles;

	MessageLayouts(MessageProfiles profiles) {
		this.profiles = profiles;
	}

	/**
	 * @param profile the profile the user named for this file, or {@code null}
	 * @param sample the first records, for detection by content
	 * @throws IllegalArgumentException saying why no layout fits
	 */
	MessageLayout of(List<String> header, List<String[]> sample, String profile) {
		if (profile != null) {
			MessageLayout layout = profiles.named(profile).layoutOf(header);
			if (layout == null) {
				throw new IllegalArgumentException("the header lacks columns of profile " + profile + ": "
						+ profiles.named(profile).columns().values());
			}
			return layout;
		}
		MessageLayout generic = generic(header);
		if (generic != null) {
			return generic;
		}
		MessageLayout byProfile = profiles.layoutOf(header);
		return byProfile != null ? byProfile : detected(header, sample);
	}

	private static MessageLayout generic(List<String> header) {
		Map<MessageField, Integer> columns = new EnumMap<>(MessageField.class);
		for (MessageField field : MessageField.values()) {
			int column = normalised(header).indexOf(MessageField.normalise(field.genericName()));
			if (column >= 0) {
				columns.put(field, column);
			}
		}
		return isUsable(columns) ? new MessageLayout(GENERIC, null, header, columns) : null;
	}

	private static MessageLayout detected(List<String> header, List<String[]> sample) {
		List<String> names = normalised(header);
		Map<MessageField, Integer> columns = new EnumMap<>(MessageField.class);
		for (int column = 0; column < names.size(); column++) {
			for (MessageField field : MessageField.values()) {
				if (!columns.containsKey(field) && NAMES.get(field).contains(names.get(column))) {
					columns.put(field, column);
					break;
				}
			}
		}
		Set<Integer> taken = new HashSet<>(columns.values());
		byContent(columns, taken, MessageField.ORDER_ID, header.size(), sample, OrderIds::isOrderId);
		byContent(columns, taken, MessageField.RECIPIENT, header.size(), sample,
				cell -> ADDRESS.matcher(cell).matches());
		byContent(columns, taken, MessageField.SENT_AT, header.size(), sample, MessageLayouts::isDate);
		textByContent(columns, taken, header.size(), sample);
		if (!isUsable(columns)) {
			throw new IllegalArgumentException("not the generic header (message_id,order_id,recipient,subject,body,"
					+ "sent_at,tool), no profile fits, and no " + missing(columns)
					+ " column was found by name or content; add a profile for this layout");
		}
		return new MessageLayout(DETECTED, null, header, columns);
	}

	private static void byContent(Map<MessageField, Integer> columns, Set<Integer> taken, MessageField field, int width,
			List<String[]> sample, Predicate<String> fits) {
		if (columns.containsKey(field)) {
			return;
		}
		for (int column = 0; column < width; column++) {
			if (!taken.contains(column) && share(sample, column, fits) >= MOSTLY) {
				columns.put(field, column);
				taken.add(column);
				return;
			}
		}
	}

	// the longest text is the body, a shorter one beside it the subject
	private static void textByContent(Map<MessageField, Integer> columns, Set<Integer> taken, int width,
			List<String[]> sample) {
		List<int[]> texts = new ArrayList<>();
		for (int column = 0; column < width; column++) {
			if (!taken.contains(column) && share(sample, column,
					cell -> cell.codePoints().anyMatch(Character::isLetter) && cell.contains(" ")) >= MOSTLY) {
				texts.add(new int[] { column, averageLength(sample, column) });
			}
		}
		texts.sort((a, b) -> Integer.compare(b[1], a[1]));
		if (!columns.containsKey(MessageField.BODY) && !texts.isEmpty() && texts.get(0)[1] >= 60) {
			columns.put(MessageField.BODY, texts.remove(0)[0]);
		}
		if (!columns.containsKey(MessageField.SUBJECT) && !texts.isEmpty()) {
			columns.put(MessageField.SUBJECT, texts.remove(0)[0]);
		}
	}

	private static double share(List<String[]> sample, int column, Predicate<String> fits) {
		int cells = 0;
		int fitting = 0;
		for (String[] record : sample) {
			if (column < record.length && !record[column].isBlank()) {
				cells++;
				fitting += fits.test(record[column].strip()) ? 1 : 0;
			}
		}
		return cells == 0 ? 0 : (double) fitting / cells;
	}

	private static int averageLength(List<String[]> sample, int column) {
		return (int) sample.stream()
			.filter(record -> column < record.length)
			.mapToInt(record -> record[column].strip().length())
			.average()
			.orElse(0);
	}

	private static boolean isDate(String cell) {
		try {
			ExportDates.parse(cell);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static boolean isUsable(Map<MessageField, Integer> columns) {
		return columns.containsKey(MessageField.ORDER_ID) && columns.containsKey(MessageField.SENT_AT)
				&& (columns.containsKey(MessageField.SUBJECT) || columns.containsKey(MessageField.BODY));
	}

	private static String missing(Map<MessageField, Integer> columns) {
		List<String> missing = new ArrayList<>();
		if (!columns.containsKey(MessageField.ORDER_ID)) {
			missing.add("order id");
		}
		if (!columns.containsKey(MessageField.SENT_AT)) {
			missing.add("sent date");
		}
		if (!columns.containsKey(MessageField.SUBJECT) && !columns.containsKey(MessageField.BODY)) {
			missing.add("subject or body");
		}
		return String.join(", ", missing);
	}

	private static List<String> normalised(List<String> header) {
		return header.stream().map(MessageField::normalise).toList();
	}

}
