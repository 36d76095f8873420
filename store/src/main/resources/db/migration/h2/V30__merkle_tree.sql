-- The verifiable log (issue 14). Every complete subtree of the Merkle tree over the event positions, written in
-- the append's transaction: node_key = index * 64 + level (level 0 = the leaf hash of position index + 1).
CREATE TABLE ledger_merkle_node (
    node_key BIGINT     NOT NULL PRIMARY KEY,
    hash     BINARY(32) NOT NULL
);

-- Every checkpoint the ledger signed (C2SP tlog-checkpoint), kept for ever; note holds the signed note with the
-- witnesses' cosignatures once they are attached.
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT                      NOT NULL PRIMARY KEY,
    root_hash BINARY(32)                  NOT NULL,
    note      VARCHAR(65536)              NOT NULL,
    signed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- How many events the tree holds, updated with the chain head in the same transaction. A store that had events
-- before this migration starts at 0 and is filled in at start-up (VerifiableLog backfill).
ALTER TABLE ledger_chain_head ADD COLUMN tree_size BIGINT DEFAULT 0 NOT NULL;
