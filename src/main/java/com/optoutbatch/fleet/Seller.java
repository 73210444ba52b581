package com.optoutbatch.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.optoutbatch.support.InvalidConfiguration;

/**
 * One seller of a fleet: a subfolder of the fleet folder that holds {@code input/}, a
 * workspace as a single seller's, and its own schema in the shared database.
 *
 * @param name the folder's name, which names the seller everywhere
 * @param home the seller's workspace
 * @param schema the seller's PostgreSQL schema: {@code seller_} and the name in lower
 * case, anything but letters and digits as {@code _}
 */
public record Seller(String name, Path home, String schema) {

	/** PostgreSQL's longest identifier. */
	private static final int MAX_SCHEMA_LENGTH = 63;

	static Seller in(Path fleet, String name) {
		String schema = "seller_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
		if (schema.length() > MAX_SCHEMA_LENGTH) {
			throw new InvalidConfiguration("seller folder '" + name + "': a name of at most "
					+ (MAX_SCHEMA_LENGTH - "seller_".length()) + " characters names its database schema");
		}
		return new Seller(name, fleet.resolve(name), schema);
	}

	/**
	 * The sellers of a fleet folder, by name.
	 * @throws InvalidConfiguration when two folders would share a schema ({@code shop-a}
	 * and {@code shop_a})
	 */
	static List<Seller> of(Path fleet) {
		List<Seller> sellers;
		try (Stream<Path> folders = Files.list(fleet)) {
			sellers = folders.filter(folder -> Files.isDirectory(folder.resolve("input")))
				.map(folder -> in(fleet, folder.getFileName().toString()))
				.sorted((a, b) -> a.name().compareTo(b.name()))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list the fleet folder " + fleet, e);
		}
		Map<String, String> bySchema = new HashMap<>();
		for (Seller seller : sellers) {
			String other = bySchema.putIfAbsent(seller.schema(), seller.name());
			if (other != null) {
				throw new InvalidConfiguration("seller folders '" + other + "' and '" + seller.name()
						+ "' would share the database schema " + seller.schema() + ": rename one");
			}
		}
		return sellers;
	}

	/**
	 * The SQL each new connection of the seller's pool runs: creates the seller's schema
	 * on first use, one process at a time, since two creating it at once would collide.
	 */
	String schemaCreation() {
		return schemaCreation(schema);
	}

	static String schemaCreation(String schema) {
		return "DO $$BEGIN PERFORM pg_advisory_xact_lock(hashtext('optout-batch schemas')); "
				+ "CREATE SCHEMA IF NOT EXISTS " + schema + "; END$$";
	}

}
