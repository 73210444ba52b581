-- The inputs each attempt of a run read, pinned before it starts (InputLedger): a path under
-- input/, its size, modification time (nanoseconds since the epoch, as the file system gives
-- it) and SHA-256 (NULL when the file could not be read). A resumed run compares them with the
-- inputs of the moment and starts again from the beginning when any changed, was added or
-- removed, instead of mixing two versions of a file. outcome: PINNED while the attempt runs,
-- READ once it completed, STARTED_OVER when a later launch found its inputs changed.
-- read_bytes says how far the attempt read the file (its size once it completed), so that a
-- later run can tell what a completed run already took in.
CREATE TABLE input_ledger (
    job_name    VARCHAR(100)             NOT NULL,
    run_date    DATE                     NOT NULL,
    run_attempt BIGINT                   NOT NULL,
    input_path  VARCHAR(1024)            NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    modified_ns BIGINT                   NOT NULL,
    sha256      CHAR(64),
    pinned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_bytes  BIGINT,
    outcome     VARCHAR(16)              NOT NULL,
    PRIMARY KEY (job_name, run_date, run_attempt, input_path)
);
-- what a completed run read of a file, for the runs after it
CREATE INDEX input_ledger_path ON input_ledger (input_path, outcome);
