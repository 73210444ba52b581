-- The seller's corrections of the classifier (input/labels/*.csv): the category of a message
-- by its id, read again every night. A stored message a label overrides keeps the
-- classifier's category in classified_as.
CREATE TABLE seller_labels (
    message_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    category     VARCHAR(16)  NOT NULL,
    source_file  VARCHAR(512) NOT NULL,
    source_line  BIGINT       NOT NULL
);

ALTER TABLE messages ADD COLUMN classified_as VARCHAR(16);
