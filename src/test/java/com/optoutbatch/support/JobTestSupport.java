package com.optoutbatch.support;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every job test works with: the application on a workspace of its own
 * ({@link BatchJobTest}), Batch's test utilities, the database and the workspace.
 */
@BatchJobTest
public abstract class JobTestSupport {

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected JobRepositoryTestUtils jobRepository;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected Workspace workspace;

}
