package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A message's key starts with its order id when it has one (SentMessageParser): the key's
 * index then keeps a message beside the other messages of its order, as the (order_id,
 * sent_at, message_key) index does, and an import walks the two along the same rows. This
 * gives the stored keys the same form, so that importing a log again still finds its
 * messages.
 * <p>
 * HSQLDB holds every row an uncommitted statement changed in memory: one statement for
 * the whole table makes the process's memory grow with the table. So the old keys (32 hex
 * digits) are rewritten a slice at a time, by their first two digits, each slice
 * committed.
 */
public class V9__message_keys_led_by_order extends BaseJavaMigration {

	private static final String REWRITE = """
			UPDATE messages SET message_key = order_id || '/' || message_key
			WHERE message_key >= ? AND message_key < ? AND order_id IS NOT NULL AND message_key NOT LIKE '%/%'""";

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		HexFormat hex = HexFormat.of();
		try (PreparedStatement rewrite = connection.prepareStatement(REWRITE)) {
			for (int slice = 0; slice < 256; slice++) {
				rewrite.setString(1, hex.toHexDigits((byte) slice));
				// past the last slice: 'g' follows every hex digit
				rewrite.setString(2, slice < 255 ? hex.toHexDigits((byte) (slice + 1)) : "g");
				rewrite.executeUpdate();
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
		}
	}

}
