-- The application nodes sharing this store, each renewing its row while it lives, so that the
-- projections' segments are spread evenly over the live nodes and taken over from dead ones.
CREATE TABLE ledger_node (
    node_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    last_seen TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
