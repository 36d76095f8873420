-- Offerings and the chain behind each (issue 19, HDS v2 requirements 29-30), rebuilt from the Offering events.
-- Same conventions as V10: *_version rows are bitemporal, open ends 9999-12-31. The chain is kept as JSON.

CREATE TABLE rm_offering_version (
    offering_id     VARCHAR(64)   NOT NULL,
    eff_from        DATE          NOT NULL,
    eff_to          DATE          NOT NULL,
    rec_from        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_to          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rec_seq         BIGINT        NOT NULL,
    host_id         VARCHAR(64),
    publisher       VARCHAR(500)  NOT NULL,
    name            VARCHAR(500)  NOT NULL,
    register        VARCHAR(64),
    published       BOOLEAN       NOT NULL,
    chain           VARCHAR(1000000) NOT NULL,
    sources         VARCHAR(1000000) NOT NULL,
    -- 1 when an actor performing activity N has access from outside the EEA under an adequacy decision (adqN),
    -- under GDPR art. 46 safeguards (sgN), or is exposed to non-EU law (lawN): what decisions join on.
    adq1           SMALLINT      NOT NULL,
    adq2           SMALLINT      NOT NULL,
    adq3           SMALLINT      NOT NULL,
    adq4           SMALLINT      NOT NULL,
    adq5           SMALLINT      NOT NULL,
    adq6           SMALLINT      NOT NULL,
    sg1            SMALLINT      NOT NULL,
    sg2            SMALLINT      NOT NULL,
    sg3            SMALLINT      NOT NULL,
    sg4            SMALLINT      NOT NULL,
    sg5            SMALLINT      NOT NULL,
    sg6            SMALLINT      NOT NULL,
    law1           SMALLINT      NOT NULL,
    law2           SMALLINT      NOT NULL,
    law3           SMALLINT      NOT NULL,
    law4           SMALLINT      NOT NULL,
    law5           SMALLINT      NOT NULL,
    law6           SMALLINT      NOT NULL,
    PRIMARY KEY (offering_id, eff_from, rec_seq)
);

CREATE INDEX rm_offering_version_host ON rm_offering_version (host_id, rec_to, eff_to);
CREATE INDEX rm_offering_version_register ON rm_offering_version (register, rec_to, eff_to);
