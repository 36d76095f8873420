-- The verifiable log (issue 14): a subtree's row key becomes end * 64 + level, where end = (index + 1) * 2^level is
-- the position of its last leaf (it was index * 64 + level). Every subtree an append completes then ends at that
-- append's last position, so the append's rows all go to the right end of the primary key, one page, instead of
-- pages spread over the whole index (a level-l subtree used to land near leaf index / 2^l).
-- Two steps through negative keys, so that no intermediate row collides with a key not yet converted.
UPDATE ledger_merkle_node
SET node_key = -1 - ((node_key / 64 + 1) * CAST(POWER(2, MOD(node_key, 64)) AS BIGINT) * 64 + MOD(node_key, 64));
UPDATE ledger_merkle_node SET node_key = -1 - node_key;
