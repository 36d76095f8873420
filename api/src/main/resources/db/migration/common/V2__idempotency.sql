-- Idempotent retries: the answer to a write sent with an Idempotency-Key, written in the same transaction as the
-- events of that write, so that a retry after a crash or a lost response never records twice.
CREATE TABLE idempotency_key (
    principal    VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    record_kind  VARCHAR(20)  NOT NULL,
    record_id    VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    position     BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
