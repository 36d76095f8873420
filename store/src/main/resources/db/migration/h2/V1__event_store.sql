-- The event store. Payloads and metadata are VARBINARY, never BLOB: H2 keeps LOBs in separate
-- pages that cost ~4.6 KB of file per 0.5 KB event. The global index is assigned by the
-- application under the chain-head lock (see ledger_chain_head), so it has no gaps at all.
CREATE TABLE domain_event_entry (
    global_index         BIGINT                   NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(64)              NOT NULL,
    aggregate_identifier VARCHAR(64)              NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    type                 VARCHAR(64)              NOT NULL,
    time_stamp           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload_type         VARCHAR(255)             NOT NULL,
    payload_revision     VARCHAR(32),
    payload              VARBINARY                NOT NULL,
    meta_data            VARBINARY                NOT NULL,
    chain_hash           BINARY(32)               NOT NULL,
    CONSTRAINT uk_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uk_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(64)              NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    type                 VARCHAR(64)              NOT NULL,
    event_identifier     VARCHAR(64)              NOT NULL,
    time_stamp           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload_type         VARCHAR(255)             NOT NULL,
    payload_revision     VARCHAR(32),
    payload              VARBINARY                NOT NULL,
    meta_data            VARBINARY                NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT uk_snapshot_identifier UNIQUE (event_identifier)
);

-- One row: the end of the hash chain. Appends lock it, so events are numbered, timestamped and
-- chained in commit order on every node.
CREATE TABLE ledger_chain_head (
    id            INT                         NOT NULL PRIMARY KEY,
    last_index    BIGINT                      NOT NULL,
    last_hash     BINARY(32)                  NOT NULL,
    last_recorded TIMESTAMP(6) WITH TIME ZONE
);
INSERT INTO ledger_chain_head (id, last_index, last_hash, last_recorded)
VALUES (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000', NULL);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          VARBINARY,
    token_type     VARCHAR(255),
    claimed_at     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
