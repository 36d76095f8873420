-- Registers (issue 13): official lists imported snapshot by snapshot, rebuilt from the Register and
-- RegisterEntry events. Same conventions as V10: *_version rows are bitemporal, open ends 9999-12-31.

CREATE TABLE rm_register_entry_version (
    entry_key       VARCHAR(300)  NOT NULL,
    eff_from        DATE          NOT NULL,
    eff_to          DATE          NOT NULL,
    rec_from        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_to          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq         BIGINT        NOT NULL,
    register        VARCHAR(64)   NOT NULL,
    entry_id        VARCHAR(200)  NOT NULL,
    name            VARCHAR(2000),
    provider        VARCHAR(2000),
    status          VARCHAR(500),
    stage           VARCHAR(20),
    level           VARCHAR(500),
    assessor        VARCHAR(2000),
    host_id         VARCHAR(64),
    cert_id         VARCHAR(64),
    listed          BOOLEAN       NOT NULL,
    first_listed_on DATE          NOT NULL,
    last_seen_in    TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (entry_key, eff_from, rec_seq)
);

CREATE INDEX rm_register_entry_version_register ON rm_register_entry_version (register, rec_to, eff_to);

-- Every recorded difference: one row per changed field, or one per listing, delisting, relisting.
CREATE TABLE rm_register_change (
    register        VARCHAR(64)   NOT NULL,
    rec_seq         BIGINT        NOT NULL,
    field_no        INT           NOT NULL,
    entry_id        VARCHAR(200)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    before_value    VARCHAR(2000),
    after_value     VARCHAR(2000),
    effective_on    DATE          NOT NULL,
    published_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    rec_from        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (register, rec_seq, field_no)
);

CREATE INDEX rm_register_change_effective ON rm_register_change (register, effective_on);
CREATE INDEX rm_register_change_sha ON rm_register_change (register, sha256);

CREATE TABLE rm_register_snapshot (
    register        VARCHAR(64)   NOT NULL,
    published_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_on    DATE          NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    url             VARCHAR(2000),
    rec_from        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq         BIGINT        NOT NULL,
    entries         INT           NOT NULL,
    changes         VARCHAR(4000) NOT NULL,
    findings        INT           NOT NULL,
    PRIMARY KEY (register, published_at)
);

CREATE TABLE rm_register_finding (
    register        VARCHAR(64)   NOT NULL,
    published_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finding_no      INT           NOT NULL,
    where_in_file   VARCHAR(500)  NOT NULL,
    entry_id        VARCHAR(200),
    field           VARCHAR(100),
    kind            VARCHAR(40)   NOT NULL,
    raw_value       VARCHAR(2000),
    rec_from        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (register, published_at, finding_no)
);
