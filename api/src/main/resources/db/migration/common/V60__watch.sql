-- Watching: subscriptions, the changes they select, and the webhook outbox.

-- A subscription: who asked, what it selects (filter as JSON), where it is delivered (none: feed only).
-- from_position: the head when it was made; it is told about later events only.
CREATE TABLE watch_subscription (
    subscription_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    owner           VARCHAR(200)   NOT NULL,
    filter_json     VARCHAR(20000) NOT NULL,
    webhook_url     VARCHAR(2000),
    secret          VARCHAR(200),
    paused          BOOLEAN        NOT NULL,
    from_position   BIGINT         NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Every recorded event, with the host and register it is about, as the watch processor saw it: what feeds read
-- and what subscriptions' filters match.
CREATE TABLE watch_change (
    position     BIGINT           NOT NULL PRIMARY KEY,
    record_id    VARCHAR(200)     NOT NULL,
    record_type  VARCHAR(100)     NOT NULL,
    event_type   VARCHAR(100)     NOT NULL,
    host_id      VARCHAR(200),
    register_id  VARCHAR(100),
    effective_on DATE,
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload      VARCHAR(1000000) NOT NULL
);
CREATE INDEX watch_change_record ON watch_change (record_id, position);
CREATE INDEX watch_change_host ON watch_change (host_id, position);
CREATE INDEX watch_change_register ON watch_change (register_id, position);

-- The host each record is about (a certificate's, a decision's), kept by the watch processor.
CREATE TABLE watch_record_host (
    record_id VARCHAR(200) NOT NULL PRIMARY KEY,
    host_id   VARCHAR(200) NOT NULL
);

-- The outbox: one row per notification (subscription x event), created in the watch processor's transaction.
-- notification_id is stable (msg_<subscription>_<position>): every attempt sends the same webhook-id.
-- status PENDING (to send, from next_attempt_at), DELIVERED, DEAD. lease_until: a node is sending it.
CREATE TABLE watch_notification (
    notification_id VARCHAR(200)  NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(64)   NOT NULL,
    position        BIGINT        NOT NULL,
    record_id       VARCHAR(200)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP(6) WITH TIME ZONE,
    last_status     INT,
    last_error      VARCHAR(500),
    delivered_at    TIMESTAMP(6) WITH TIME ZONE,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX watch_notification_due ON watch_notification (status, next_attempt_at);
CREATE INDEX watch_notification_order ON watch_notification (subscription_id, record_id, position);

-- Every delivery attempt: the delivery log.
CREATE TABLE watch_attempt (
    notification_id VARCHAR(200) NOT NULL,
    attempt         INT          NOT NULL,
    attempted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    node_id         VARCHAR(200),
    status_code     INT,
    error           VARCHAR(500),
    duration_ms     BIGINT       NOT NULL,
    PRIMARY KEY (notification_id, attempt)
);
