-- The opt-out registry: one row per opted-out order, or per buyer when only the buyer's
-- alias is known (a list from another tool). opt_out_key is the order id for the first and
-- the alias for the second; the two never collide (an alias holds an @, an order id never
-- does), so one primary key serves both and a re-run upserts instead of duplicating.
-- buyer_alias and marketplace hold what the source said; the export completes them from
-- the orders table, which a later importOrders run may fill.
CREATE TABLE opt_outs (
    opt_out_key   VARCHAR(320)             NOT NULL PRIMARY KEY,
    order_id      VARCHAR(20),
    buyer_alias   VARCHAR(320),
    marketplace   VARCHAR(32),
    opted_out_at  TIMESTAMP WITH TIME ZONE,
    source        VARCHAR(16)              NOT NULL,
    evidence      VARCHAR(1024)            NOT NULL,
    CONSTRAINT opt_outs_order_or_alias CHECK (order_id IS NOT NULL OR buyer_alias IS NOT NULL)
);

CREATE INDEX opt_outs_order_id ON opt_outs (order_id);
CREATE INDEX opt_outs_buyer_alias ON opt_outs (buyer_alias);

-- Amazon's notices that the account's proactive messages were blocked, for the compliance
-- report: one row per notice (its Message-ID, or where it was found when it has none).
CREATE TABLE restriction_notices (
    notice_key   VARCHAR(512)             NOT NULL PRIMARY KEY,
    marketplace  VARCHAR(32),
    noticed_at   TIMESTAMP WITH TIME ZONE,
    evidence     VARCHAR(1024)            NOT NULL
);

-- The messages of an IMAP folder that scanMailbox has processed (judged or rejected), so
-- that the next run skips them. A folder whose UIDVALIDITY changed is scanned afresh.
CREATE TABLE mailbox_imap_processed (
    mailbox       VARCHAR(512) NOT NULL,
    uid_validity  BIGINT       NOT NULL,
    uid           BIGINT       NOT NULL,
    PRIMARY KEY (mailbox, uid_validity, uid)
);
