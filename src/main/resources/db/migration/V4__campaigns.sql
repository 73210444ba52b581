-- The review requests that a reconcileCampaigns run found in its campaign lists, so that a
-- request asked by several lists is kept in one only (the earliest planned send).
CREATE TABLE campaign_review_requests (
    run_date          DATE         NOT NULL,
    list_name         VARCHAR(512) NOT NULL,
    line              BIGINT       NOT NULL,
    order_id          VARCHAR(20)  NOT NULL,
    planned_send_date DATE,
    PRIMARY KEY (run_date, list_name, line)
);

CREATE INDEX campaign_review_requests_order ON campaign_review_requests (run_date, order_id);

-- The campaign rows a run held back, with the reason, and the rows of critical campaigns
-- that go to opted-out buyers (kept, but shown in the report): what the unsubscribe files
-- and the compliance report are made of.
CREATE TABLE campaign_held_rows (
    run_date    DATE         NOT NULL,
    list_name   VARCHAR(512) NOT NULL,
    line        BIGINT       NOT NULL,
    tool        VARCHAR(64),
    order_id    VARCHAR(20),
    buyer_alias VARCHAR(320),
    reason      VARCHAR(32)  NOT NULL,
    held        BOOLEAN      NOT NULL,
    PRIMARY KEY (run_date, list_name, line)
);
