-- The event store. Payloads and metadata are BYTEA, never OID large objects, for the same reason
-- as on H2: large-object storage costs far more than the bytes. The global index is assigned by the
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
    payload              BYTEA                    NOT NULL,
    meta_data            BYTEA                    NOT NULL,
    chain_hash           BYTEA                    NOT NULL,
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
    payload              BYTEA                    NOT NULL,
    meta_data            BYTEA                    NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT uk_snapshot_identifier UNIQUE (event_identifier)
);

-- One row: the end of the hash chain. Appends lock it, so events are numbered, timestamped and
-- chained in commit order on every node.
CREATE TABLE ledger_chain_head (
    id            INT                         NOT NULL PRIMARY KEY,
    last_index    BIGINT                      NOT NULL,
    last_hash     BYTEA                       NOT NULL,
    last_recorded TIMESTAMP(6) WITH TIME ZONE
);
INSERT INTO ledger_chain_head (id, last_index, last_hash, last_recorded)
VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea, NULL);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    claimed_at     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
