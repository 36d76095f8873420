-- Issue 15: the registry's list totals (hosts, certificates) from maintained counts, as the hosting map's (V81),
-- rather than a COUNT over every current version row for each page asked (see CurrentCounts). Per date, group and
-- stripe: how many current rows start there minus how many end there. Hosts count per exposure (a filter of the
-- host list); certificates in one group.
CREATE TABLE rm_host_count (
    eff_date DATE        NOT NULL,
    grp      VARCHAR(12) NOT NULL,
    stripe   SMALLINT    NOT NULL,
    delta    BIGINT      NOT NULL,
    PRIMARY KEY (eff_date, grp, stripe)
);

CREATE TABLE rm_cert_count (
    eff_date DATE        NOT NULL,
    grp      VARCHAR(12) NOT NULL,
    stripe   SMALLINT    NOT NULL,
    delta    BIGINT      NOT NULL,
    PRIMARY KEY (eff_date, grp, stripe)
);

-- The rows believed now, counted once. Their stripe does not matter to a sum; stripe 0 is as good as any.
INSERT INTO rm_host_count (eff_date, grp, stripe, delta)
SELECT eff_date, exposure, 0, SUM(delta) FROM (
    SELECT eff_from AS eff_date, exposure, 1 AS delta FROM rm_host_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
    UNION ALL
    SELECT eff_to AS eff_date, exposure, -1 AS delta FROM rm_host_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
) changes
GROUP BY eff_date, exposure
HAVING SUM(delta) <> 0;

INSERT INTO rm_cert_count (eff_date, grp, stripe, delta)
SELECT eff_date, 'ALL', 0, SUM(delta) FROM (
    SELECT eff_from AS eff_date, 1 AS delta FROM rm_cert_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
    UNION ALL
    SELECT eff_to AS eff_date, -1 AS delta FROM rm_cert_version
        WHERE rec_to > TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
) changes
GROUP BY eff_date
HAVING SUM(delta) <> 0;
