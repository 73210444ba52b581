-- reconcileCampaigns keeps the review requests of its first pass in memory (one entry per
-- order), and campaign_held_rows keeps only what the unsubscribe files and the report need:
-- the rows held back for an opt-out and the critical rows to opted-out buyers. The counts
-- of every reason are in each list's run file.
DROP TABLE campaign_review_requests;
