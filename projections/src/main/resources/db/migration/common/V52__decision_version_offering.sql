-- Issue 19: a correction may change a decision's offering, so the offering is kept per version (as the host is), and
-- reads known before the correction still see the offering of the time. Existing versions take the decision's
-- offering, which no correction could change before.
ALTER TABLE rm_decision_version ADD COLUMN offering_id VARCHAR(64);
UPDATE rm_decision_version SET offering_id =
    (SELECT b.offering_id FROM rm_decision_base b WHERE b.decision_id = rm_decision_version.decision_id);
