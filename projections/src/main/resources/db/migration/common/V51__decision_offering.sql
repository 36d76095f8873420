-- Issue 19: a decision may name the host's offering whose chain it relies on (null for older decisions).
ALTER TABLE rm_decision_base ADD COLUMN offering_id VARCHAR(64);
