-- The audit trail's filters by event type and recorded time, and Axon's token-at-instant lookup,
-- on a store large enough to be on PostgreSQL. (On the embedded store a scan is cheap enough and
-- the index would cost more disk than it saves time.)
CREATE INDEX ix_event_time_stamp ON domain_event_entry (time_stamp);
CREATE INDEX ix_event_payload_type ON domain_event_entry (payload_type, global_index);
CREATE INDEX ix_event_aggregate_type ON domain_event_entry (type, global_index);
