package com.optoutbatch.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per input file, so that each file gets its own step execution: its own
 * counts in the run file, its own restart point, its own rejects file.
 */
public class InputFilePartitioner implements Partitioner {

	public static final String INPUT_FILE_KEY = "input.file";

	private final Supplier<List<Path>> files;

	public InputFilePartitioner(Supplier<List<Path>> files) {
		this.files = files;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		List<Path> inputs = files.get();
		for (int i = 0; i < inputs.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			context.putString(INPUT_FILE_KEY, inputs.get(i).toString());
			partitions.put("file" + i, context);
		}
		return partitions;
	}

}
