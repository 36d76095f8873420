-- A counter bumped by every creation or deletion of a subscription: each node's watch processor keeps the webhook
-- subscriptions in memory and reads them again only when this changed (one primary-key read per event instead of
-- every subscription).
CREATE TABLE watch_subscription_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO watch_subscription_version (id, version) VALUES (1, 0);
