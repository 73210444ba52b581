-- What lets a night read only what is new (InputLedger). basis: the SHA-256 of what reading the
-- inputs depended on besides the files (the run's parameters, the optout settings, the files
-- they name, the workspace's message model). unchanged_since: set when this run does not read
-- the file again, the run date of the completed run that read the same bytes on the same basis.
-- read_from_bytes and read_from_records: set when the file only grew since the last completed
-- run read it, how far that run read it (bytes, records); this run reads on from there.
-- read_records: how many records the file held up to where this run's reading of it ended.
-- depends_on: of the inputs decided against the registry (campaign lists), the SHA-256 of the
-- registry as the run found it before deciding them (DecidedInputs).
ALTER TABLE input_ledger ADD COLUMN basis CHAR(64);
ALTER TABLE input_ledger ADD COLUMN unchanged_since DATE;
ALTER TABLE input_ledger ADD COLUMN read_from_bytes BIGINT;
ALTER TABLE input_ledger ADD COLUMN read_from_records BIGINT;
ALTER TABLE input_ledger ADD COLUMN read_records BIGINT;
ALTER TABLE input_ledger ADD COLUMN depends_on CHAR(64);
