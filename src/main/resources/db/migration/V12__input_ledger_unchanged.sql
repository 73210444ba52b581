-- What lets a night skip the inputs a completed run already read (InputLedger): basis is the
-- SHA-256 of what reading them depended on besides the files (the run's parameters, the optout
-- settings, the files they name, the workspace's message model); unchanged_since, set when this
-- run does not read the file again, the run date of the completed run that read the same bytes
-- on the same basis.
ALTER TABLE input_ledger ADD COLUMN basis CHAR(64);
ALTER TABLE input_ledger ADD COLUMN unchanged_since DATE;
