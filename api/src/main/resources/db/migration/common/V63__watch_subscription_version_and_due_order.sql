-- A counter bumped by every creation or deletion of a subscription: each node's watch processor keeps the webhook
-- subscriptions in memory and reads them again only when this changed (one primary-key read per event instead of
-- every subscription).
CREATE TABLE watch_subscription_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO watch_subscription_version (id, version) VALUES (1, 0);

-- The dispatcher asks for the first pending notifications in the order of their events: with the index in that
-- order it reads as many as it asks for, rather than every pending one (a backlog of thousands) to sort them.
DROP INDEX watch_notification_due;
CREATE INDEX watch_notification_due ON watch_notification (status, position);
