-- Read models, rebuilt from events only. Every view answers "as of" questions from these rows:
--   *_version rows are bitemporal: [eff_from, eff_to) is when the state held in the world,
--   [rec_from, rec_to) when the ledger believed it. Open ends are 9999-12-31. rec_seq is the
--   global index of the event that wrote the row.
--   *_base rows hold the record as currently known, *_change / *_event rows every later fact;
--   from them a record's whole timeline can be folded again after a correction.
-- Activities are kept twice: as text ("1,2,6") for any scheme, and as flags a1..a6 for the HDS
-- rules that SQL evaluates (coverage, the official list's columns).

CREATE TABLE rm_host_base (
    host_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    country          VARCHAR(2)    NOT NULL,
    parent_company   VARCHAR(200),
    parent_country   VARCHAR(2),
    registered_on    DATE          NOT NULL,
    sources          VARCHAR(1000000) NOT NULL,
    aggregate_version BIGINT       NOT NULL
);

CREATE TABLE rm_host_change (
    host_id        VARCHAR(64)   NOT NULL,
    rec_seq        BIGINT        NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    effective_on   DATE          NOT NULL,
    rec_from       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    parent_company VARCHAR(200),
    parent_country VARCHAR(2),
    reason         VARCHAR(5000),
    sources        VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (host_id, rec_seq)
);

CREATE TABLE rm_host_version (
    host_id        VARCHAR(64)   NOT NULL,
    eff_from       DATE          NOT NULL,
    eff_to         DATE          NOT NULL,
    rec_from       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_to         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq        BIGINT        NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    country        VARCHAR(2)    NOT NULL,
    parent_company VARCHAR(200),
    parent_country VARCHAR(2),
    exposure       VARCHAR(8)    NOT NULL,
    registered_on  DATE          NOT NULL,
    sources        VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (host_id, eff_from, rec_seq)
);

CREATE TABLE rm_cert_base (
    cert_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    host_id       VARCHAR(64)   NOT NULL,
    scheme        VARCHAR(40)   NOT NULL,
    referential   VARCHAR(40)   NOT NULL,
    certifier     VARCHAR(200)  NOT NULL,
    activities    VARCHAR(200)  NOT NULL,
    scope         VARCHAR(2000),
    valid_from    DATE          NOT NULL,
    valid_until   DATE          NOT NULL,
    sources       VARCHAR(1000000) NOT NULL,
    aggregate_version BIGINT    NOT NULL
);

CREATE TABLE rm_cert_change (
    cert_id      VARCHAR(64)   NOT NULL,
    rec_seq      BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    effective_on DATE          NOT NULL,
    rec_from     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_until  DATE,
    referential  VARCHAR(40),
    activities   VARCHAR(200),
    reason       VARCHAR(5000),
    sources      VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (cert_id, rec_seq)
);

CREATE TABLE rm_cert_version (
    cert_id      VARCHAR(64)   NOT NULL,
    eff_from     DATE          NOT NULL,
    eff_to       DATE          NOT NULL,
    rec_from     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_to       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq      BIGINT        NOT NULL,
    host_id      VARCHAR(64)   NOT NULL,
    scheme       VARCHAR(40)   NOT NULL,
    referential  VARCHAR(40)   NOT NULL,
    certifier    VARCHAR(200)  NOT NULL,
    scope        VARCHAR(2000),
    activities   VARCHAR(200)  NOT NULL,
    a1 SMALLINT NOT NULL, a2 SMALLINT NOT NULL, a3 SMALLINT NOT NULL,
    a4 SMALLINT NOT NULL, a5 SMALLINT NOT NULL, a6 SMALLINT NOT NULL,
    valid_from   DATE          NOT NULL,
    valid_until  DATE          NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    sources      VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (cert_id, eff_from, rec_seq)
);
CREATE INDEX ix_cert_version_host ON rm_cert_version (host_id, rec_to);

CREATE TABLE rm_decision_base (
    decision_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    controller   VARCHAR(200)  NOT NULL,
    system_name  VARCHAR(200)  NOT NULL,
    host_id      VARCHAR(64)   NOT NULL,
    activities   VARCHAR(200)  NOT NULL,
    decided_on   DATE          NOT NULL,
    procurement  VARCHAR(24)   NOT NULL,
    contractor   VARCHAR(200),
    rationale    VARCHAR(5000) NOT NULL,
    alternatives VARCHAR(1000000) NOT NULL,
    sources      VARCHAR(1000000) NOT NULL,
    aggregate_version BIGINT   NOT NULL
);

-- Challenges, migration plans and endings: each an immutable fact.
CREATE TABLE rm_decision_event (
    decision_id    VARCHAR(64)  NOT NULL,
    rec_seq        BIGINT       NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    effective_on   DATE         NOT NULL,
    rec_from       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    by_whom        VARCHAR(200),
    argument       VARCHAR(5000),
    forum          VARCHAR(200),
    outcome        VARCHAR(2000),
    target_host_id VARCHAR(64),
    target         VARCHAR(500),
    target_date    DATE,
    rationale      VARCHAR(5000),
    reason         VARCHAR(5000),
    superseded_by  VARCHAR(64),
    sources        VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (decision_id, rec_seq)
);

CREATE TABLE rm_decision_version (
    decision_id   VARCHAR(64)   NOT NULL,
    eff_from      DATE          NOT NULL,
    eff_to        DATE          NOT NULL,
    rec_from      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_to        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq       BIGINT        NOT NULL,
    controller    VARCHAR(200)  NOT NULL,
    system_name   VARCHAR(200)  NOT NULL,
    host_id       VARCHAR(64)   NOT NULL,
    activities    VARCHAR(200)  NOT NULL,
    a1 SMALLINT NOT NULL, a2 SMALLINT NOT NULL, a3 SMALLINT NOT NULL,
    a4 SMALLINT NOT NULL, a5 SMALLINT NOT NULL, a6 SMALLINT NOT NULL,
    decided_on    DATE          NOT NULL,
    procurement   VARCHAR(24)   NOT NULL,
    contractor    VARCHAR(200),
    rationale     VARCHAR(5000) NOT NULL,
    alternatives  VARCHAR(1000000) NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    ended_on      DATE,
    end_reason    VARCHAR(5000),
    superseded_by VARCHAR(64),
    sources       VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (decision_id, eff_from, rec_seq)
);
CREATE INDEX ix_decision_version_host ON rm_decision_version (host_id, rec_to);
CREATE INDEX ix_decision_version_controller ON rm_decision_version (controller, rec_to);
