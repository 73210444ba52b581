-- When each opt-out was first shown in a compliance report, so that a report can tell the
-- opt-outs that are new since the previous one.
CREATE TABLE reported_opt_outs (
    opt_out_key    VARCHAR(320) NOT NULL PRIMARY KEY,
    first_reported DATE         NOT NULL
);
