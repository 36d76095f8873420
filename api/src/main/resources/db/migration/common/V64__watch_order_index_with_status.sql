-- A record's notifications go out in order: a candidate is due only when no earlier notification of the same
-- subscription and record is still pending or dead. With the status in this index that question is one seek per
-- status; without it, each candidate read every earlier notification of its record, delivered ones included, so the
-- dispatcher's polls grew with the record's history (most of the poller thread in the webhook benchmark's profile).
DROP INDEX watch_notification_order;
CREATE INDEX watch_notification_order ON watch_notification (subscription_id, record_id, status, position);
