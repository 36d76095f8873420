-- Alerts recorded by the alert job (event AlertRecorded), one row each; rebuilt from events only.
CREATE TABLE rm_alert (
    alert_key      VARCHAR(400)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(32)   NOT NULL,
    record_id      VARCHAR(300)  NOT NULL,
    host_id        VARCHAR(64),
    occurrence     VARCHAR(40)   NOT NULL,
    decisions      VARCHAR(100000) NOT NULL,
    valid_until    DATE,
    uncovered      VARCHAR(200)  NOT NULL,
    effective_on   DATE          NOT NULL,
    rec_from       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq        BIGINT        NOT NULL
);

CREATE INDEX ix_alert_record ON rm_alert (record_id, rec_seq);
CREATE INDEX ix_alert_effective ON rm_alert (effective_on, rec_seq);
