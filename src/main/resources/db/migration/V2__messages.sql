-- One row per message a seller sent, from the tools' and Seller Central's sent-message logs,
-- with the policy category the classifier gave it, the reason and the content flags.
-- message_key is the export's own id (with the tool), or a hash of what identifies the
-- message when the export has none, so that importing the same log again adds nothing.
-- The body is not kept: it may greet the buyer by name.
CREATE TABLE messages (
    message_key     VARCHAR(64)              NOT NULL PRIMARY KEY,
    message_id      VARCHAR(128),
    tool            VARCHAR(64),
    order_id        VARCHAR(20),
    recipient_alias VARCHAR(320),
    subject         VARCHAR(1000),
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    category        VARCHAR(16)              NOT NULL,
    rule_name       VARCHAR(128),
    reason          VARCHAR(2000)            NOT NULL,
    flags           VARCHAR(1000)            NOT NULL,
    source_file     VARCHAR(512)             NOT NULL,
    source_line     BIGINT                   NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX messages_order_id ON messages (order_id);

-- Messages with their order when the order reports know it: a message sent more than
-- 30 days after the purchase breaks the 30-day rule for proactive messages.
CREATE VIEW classified_messages AS
SELECT m.message_key, m.message_id, m.tool, m.order_id, m.recipient_alias, m.subject, m.sent_at,
       m.category, m.rule_name, m.reason, m.flags,
       o.purchase_date,
       CASE WHEN o.order_id IS NULL THEN FALSE ELSE TRUE END AS order_known,
       CASE WHEN o.purchase_date IS NOT NULL AND m.sent_at > o.purchase_date + INTERVAL '30' DAY
            THEN TRUE ELSE FALSE END AS sent_late
FROM messages m
LEFT JOIN orders o ON o.order_id = m.order_id;
