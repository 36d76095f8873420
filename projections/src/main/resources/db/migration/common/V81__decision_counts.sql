-- Issue 15: the hosting map's totals from maintained counts rather than a COUNT over every current decision version
-- (see CurrentCounts). Per date, status and stripe: how many current rows start there minus how many end there.
CREATE TABLE rm_decision_count (
    eff_date DATE        NOT NULL,
    grp      VARCHAR(12) NOT NULL,
    stripe   SMALLINT    NOT NULL,
    delta    BIGINT      NOT NULL,
    PRIMARY KEY (eff_date, grp, stripe)
);

-- The rows believed now, counted once. Their stripe does not matter to a sum; stripe 0 is as good as any.
INSERT INTO rm_decision_count (eff_date, grp, stripe, delta)
SELECT eff_date, status, 0, SUM(delta) FROM (
    SELECT eff_from AS eff_date, status, 1 AS delta FROM rm_decision_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
    UNION ALL
    SELECT eff_to AS eff_date, status, -1 AS delta FROM rm_decision_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
) changes
GROUP BY eff_date, status
HAVING SUM(delta) <> 0;
