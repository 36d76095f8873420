-- The latest checkpoint the witness cosigned for each log (by origin): the size it holds, its root, the note.
CREATE TABLE witness_checkpoint (
    origin     VARCHAR(255)                NOT NULL PRIMARY KEY,
    tree_size  BIGINT                      NOT NULL,
    root_hash  BINARY(32)                  NOT NULL,
    note       VARCHAR(65536)              NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
