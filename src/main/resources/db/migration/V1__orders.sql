-- One row per Amazon order, merged from every order report that names it.
-- No names, phone numbers or addresses: only what matching opt-outs needs.
CREATE TABLE orders (
    order_id      VARCHAR(20)              NOT NULL PRIMARY KEY,
    marketplace   VARCHAR(32),
    purchase_date TIMESTAMP WITH TIME ZONE,
    status        VARCHAR(64),
    buyer_alias   VARCHAR(320),
    source_file   VARCHAR(512)             NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX orders_buyer_alias ON orders (buyer_alias);
