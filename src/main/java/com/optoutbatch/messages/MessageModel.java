package com.optoutbatch.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.Workspace;

import org.springframework.stereotype.Component;

/**
 * The learned model a run classifies with, loaded once a run: the workspace's own
 * ({@code output/model/message-model.txt}, trained by {@code trainClassifier} with the
 * seller's corrections) when there is one, else the one the jar ships.
 */
@Component
class MessageModel {

	private static final Logger log = LoggerFactory.getLogger(MessageModel.class);

	private final Path ownModel;

	private LearnedModel model;

	// the workspace's model file the model was loaded from, when it was; null for the
	// shipped one
	private FileTime loadedFrom;

	MessageModel(Workspace workspace) {
		this.ownModel = ownModel(workspace);
	}

	static Path ownModel(Workspace workspace) {
		return workspace.output("model", "message-model.txt");
	}

	/**
	 * The model, loaded again only when the workspace's own file came, changed or went.
	 */
	synchronized LearnedModel get() {
		FileTime own = lastModified();
		if (model == null || !Objects.equals(own, loadedFrom)) {
			model = own != null ? loadOwn() : loadShipped();
			loadedFrom = own;
		}
		return model;
	}

	private FileTime lastModified() {
		try {
			return Files.isRegularFile(ownModel) ? Files.getLastModifiedTime(ownModel) : null;
		}
		catch (IOException e) {
			return null;
		}
	}

	private LearnedModel loadOwn() {
		try (BufferedReader in = Files.newBufferedReader(ownModel, StandardCharsets.UTF_8)) {
			LearnedModel own = LearnedModel.load(in);
			log.info("message model: the workspace's own, {}", ownModel);
			return own;
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("cannot read the workspace's message model " + ownModel + ": "
					+ e.getMessage() + "; delete it to use the shipped one, or run trainClassifier again", e);
		}
	}

	/** The model the jar holds, trained by the build on the whole corpus. */
	static LearnedModel loadShipped() {
		try (InputStream in = MessageModel.class.getResourceAsStream("/" + ClassifierTraining.SHIPPED_MODEL)) {
			if (in == null) {
				throw new IllegalStateException("the jar holds no message model " + ClassifierTraining.SHIPPED_MODEL);
			}
			return LearnedModel.load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
