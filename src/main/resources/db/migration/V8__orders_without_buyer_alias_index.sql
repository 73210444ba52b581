-- The orders of opted-out buyers are found once per run by one pass over the orders
-- (reconcileCampaigns, SuppressionIndex). The index that served that lookup cost a third of
-- every order upsert, and on HSQLDB its nodes, kept in each row, made every row read back
-- larger: the L order import took 57 s with it and 37 s without, re-reading unchanged
-- reports 39 s and 35 s, for a pass of 2-5 s over 1,000,000 orders.
DROP INDEX orders_buyer_alias;
