-- Pages (issue 18): "what changed between two dates" selects the watch's change rows by effective date or by
-- recorded instant; without these, every such page would read the whole table.
CREATE INDEX watch_change_effective ON watch_change (effective_on);
CREATE INDEX watch_change_recorded ON watch_change (recorded_at);
