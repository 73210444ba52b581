package com.optoutbatch.support;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Job parameters that apply to some input files only, named {@code <prefix><glob>}: for
 * example {@code charset.*-jp.txt=windows-31j}.
 */
public final class FileParameters {

	/**
	 * {@code charset.<glob>=<charset>}: the charset of the input files whose name
	 * matches.
	 */
	public static final String CHARSET = "charset.";

	private FileParameters() {
	}

	/**
	 * The value of the first {@code <prefix><glob>} parameter whose glob matches the
	 * file's name; else {@code null}.
	 */
	public static String valueFor(JobParameters parameters, String prefix, Path file) {
		for (JobParameter<?> parameter : parameters) {
			String name = parameter.name();
			if (name.startsWith(prefix) && FileSystems.getDefault()
				.getPathMatcher("glob:" + name.substring(prefix.length()))
				.matches(file.getFileName())) {
				return parameter.value().toString();
			}
		}
		return null;
	}

	/**
	 * The charset a {@code charset.<glob>} parameter sets for the file; {@code null} to
	 * detect it.
	 */
	public static Charset charsetFor(JobParameters parameters, Path file) {
		String charset = valueFor(parameters, CHARSET, file);
		return charset == null ? null : Charset.forName(charset);
	}

}
