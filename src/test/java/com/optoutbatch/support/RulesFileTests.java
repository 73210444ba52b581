package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RulesFileTests {

	@TempDir
	Path dir;

	@Test
	void theShippedFileAloneWhenTheUserNamesNone() {
		assertThat(load(null).books()).containsOnlyKeys("dune", "emma");
		assertThat(load(null).books().get("dune").tags()).containsExactly("desert", "spice");
	}

	@Test
	void theUsersEntriesReplaceTheShippedOfTheSameNameAndAddTheirOwn() throws Exception {
		Shelf shelf = load(write("""
				books:
				  emma:
				    author: Jane Austen
				    pages: 320
				  persuasion:
				    author: Jane Austen
				    pages: 249
				    tags: novel
				"""));

		assertThat(shelf.books()).containsOnlyKeys("dune", "emma", "persuasion");
		assertThat(shelf.books().get("emma").pages()).isEqualTo(320);
		assertThat(shelf.books().get("dune").pages()).isEqualTo(412);
		assertThat(shelf.books().get("persuasion").tags()).containsExactly("novel");
	}

	@Test
	void aFileOfCommentsOnlyChangesNothing() throws Exception {
		assertThat(load(write("# nothing yet\n")).books()).containsOnlyKeys("dune", "emma");
	}

	@Test
	void aWrongTypeNamesTheFileTheKeyWhatWasExpectedAndTheLine() throws Exception {
		Path file = write("""
				books:
				  emma:
				    author: Jane Austen
				    pages: many
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file + ": books.emma.pages: expected a whole number, got 'many', line 4");
	}

	@Test
	void aMappingWhereAListBelongsIsAWrongType() throws Exception {
		Path file = write("""
				books:
				  emma:
				    tags:
				      genre: novel
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file + ": books.emma.tags: expected a list of strings, line 4");
	}

	@Test
	void anUnknownKeyIsNamedWithTheKeysThatAreKnown() throws Exception {
		Path file = write("""
				books:
				  emma:
				    author: Jane Austen
				    page: 320
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file
					+ ": books.emma.page: unknown key; expected one of author, pages, tags, line 4");
	}

	@Test
	void aKeyGivenTwiceIsRefused() throws Exception {
		Path file = write("""
				books:
				  emma:
				    pages: 320
				  emma:
				    pages: 474
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file + ": books.emma: given twice, line 4");
	}

	@Test
	void aValueTheShapeRefusesIsNamedAtItsOwnLine() throws Exception {
		Path file = write("""
				books:
				  emma:
				    author: Jane Austen
				    pages: 0
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file + ": books.emma.pages: expected a whole number from 1 up, got 0, line 4");
	}

	@Test
	void textThatIsNotYamlSaysWhereItBreaks() throws Exception {
		Path file = write("""
				books:
				  emma: {author: Jane Austen
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessageStartingWith("books.file " + file + ": not YAML: while parsing a flow mapping")
			.withMessageEndingWith(", line 3");
	}

	@Test
	void aMissingFileIsNamed() {
		Path missing = dir.resolve("missing.yml");

		assertThatIllegalArgumentException().isThrownBy(() -> load(missing))
			.withMessage("books.file " + missing + ": no such file");
	}

	@Test
	void aPropertiesFileIsRefusedWithWhereTheShippedExampleIs() throws Exception {
		Path file = Files.writeString(dir.resolve("books.properties"), "books.emma.pages=320\n");

		assertThatIllegalArgumentException().isThrownBy(() -> load(file))
			.withMessage("books.file " + file
					+ ": the format is YAML, not properties; src/main/resources/support/shelf.yml is the shipped example");
	}

	private Path write(String text) throws Exception {
		return Files.writeString(dir.resolve("my-books.yml"), text);
	}

	private static Shelf load(Path userFile) {
		return RulesFile.load("books.file", "/support/shelf.yml", userFile, new TypeReference<>() {
		}, (shipped, user) -> new Shelf(RulesFile.byName(shipped.books(), user.books())));
	}

	record Shelf(Map<String, Book> books) {

	}

	record Book(String author, Integer pages, List<String> tags) {

		Book {
			if (pages != null && pages < 1) {
				throw new RulesFile.Invalid("pages", "expected a whole number from 1 up, got " + pages);
			}
		}

	}

}
