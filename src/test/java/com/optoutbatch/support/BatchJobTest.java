package com.optoutbatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A job test: the whole application on a workspace of its own, with the embedded
 * database, or PostgreSQL when the build runs the suite against it
 * ({@code -Doptout.test.database=postgres}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@SpringBatchTest
@ContextConfiguration(initializers = TestWorkspace.class)
public @interface BatchJobTest {

}
