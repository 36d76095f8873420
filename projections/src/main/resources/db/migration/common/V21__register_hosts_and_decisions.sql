-- Registers (issue 13): a register whose format publishes no country (the FedRAMP Marketplace) registers hosts
-- whose country is unknown (exposure UNKNOWN) until a correction gives it; and a decision may be the agency
-- authorization of a register entry (a FedRAMP product), whose compliance is that product's stage on the date.
ALTER TABLE rm_host_base ALTER COLUMN country DROP NOT NULL;
ALTER TABLE rm_host_version ALTER COLUMN country DROP NOT NULL;
ALTER TABLE rm_decision_base ADD COLUMN register_entry VARCHAR(300);
CREATE INDEX ix_decision_base_register_entry ON rm_decision_base (register_entry);
