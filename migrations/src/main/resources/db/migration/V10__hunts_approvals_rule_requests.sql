-- Issue 8, second slice: approvals, rule-requested tasks, hunts. Written by the agent server (agent-tasking/server);
-- read by incident-web, which changes them only through the agent server's admin API.

-- Hunts: one task of the same type and parameters for every agent that matches (labels, OS, last seen), rolled out
-- at rate_per_minute agents a minute, at most client_limit agents, until expires_at. A hunt of a type that needs
-- approval waits in awaiting_approval until a second user approves it.
CREATE TABLE hunts (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL,
    type               text        NOT NULL,
    params             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    target_labels      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    target_os          text,
    target_seen_within_seconds bigint,
    rate_per_minute    integer     NOT NULL,
    client_limit       integer     NOT NULL,
    state              text        NOT NULL DEFAULT 'running',
    requested_by       text        NOT NULL,
    reason             text,
    approved_by        text,
    decided_at         timestamptz,
    decision_note      text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    CONSTRAINT hunts_name_check CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT hunts_type_check CHECK (type IN ('agent.info', 'process.list', 'file.stat', 'file.hash', 'dir.list',
        'file.collect', 'net.connections', 'eventlog.query', 'memory.scan')),
    CONSTRAINT hunts_os_check CHECK (target_os IS NULL OR target_os IN ('linux', 'windows')),
    CONSTRAINT hunts_seen_check CHECK (target_seen_within_seconds IS NULL OR target_seen_within_seconds > 0),
    CONSTRAINT hunts_rate_check CHECK (rate_per_minute BETWEEN 1 AND 100000),
    CONSTRAINT hunts_limit_check CHECK (client_limit BETWEEN 1 AND 1000000),
    CONSTRAINT hunts_state_check CHECK (state IN ('awaiting_approval', 'running', 'paused', 'done', 'expired',
        'denied', 'cancelled')),
    -- the four-eyes rule, enforced by the database as well as the server
    CONSTRAINT hunts_approver_check CHECK (approved_by IS NULL OR approved_by <> requested_by)
);

CREATE INDEX hunts_running_idx ON hunts (created_at) WHERE state = 'running';

-- Tasks: approvals (awaiting_approval -> queued, or denied), cancellation, and where a task came from.
ALTER TABLE tasks DROP CONSTRAINT tasks_state_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_state_check CHECK (state IN ('awaiting_approval', 'queued', 'leased',
    'succeeded', 'failed', 'expired', 'denied', 'cancelled'));
ALTER TABLE tasks
    ADD COLUMN reason        text,
    ADD COLUMN approved_by   text,
    ADD COLUMN decided_at    timestamptz,
    ADD COLUMN decision_note text,
    ADD COLUMN rule_id       text,
    ADD COLUMN alert_id      text,
    ADD COLUMN incident_id   bigint REFERENCES incidents (id) ON DELETE SET NULL,
    ADD COLUMN hunt_id       uuid REFERENCES hunts (id) ON DELETE CASCADE,
    ADD CONSTRAINT tasks_approver_check CHECK (approved_by IS NULL OR approved_by <> requested_by);

CREATE INDEX tasks_awaiting_approval_idx ON tasks (created_at) WHERE state = 'awaiting_approval';
CREATE INDEX tasks_hunt_idx ON tasks (hunt_id) WHERE hunt_id IS NOT NULL;
CREATE INDEX tasks_incident_idx ON tasks (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX tasks_agent_created_idx ON tasks (agent_id, created_at DESC);

-- A hunt's agents: one row per matching agent once it is chosen; task_id is null until the rollout reaches it.
CREATE TABLE hunt_targets (
    hunt_id     uuid        NOT NULL REFERENCES hunts (id) ON DELETE CASCADE,
    agent_id    uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    task_id     uuid        REFERENCES tasks (id) ON DELETE SET NULL,
    chosen_at   timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    PRIMARY KEY (hunt_id, agent_id)
);

CREATE INDEX hunt_targets_pending_idx ON hunt_targets (hunt_id, chosen_at) WHERE task_id IS NULL;

-- Per-host status of a hunt: pending (not rolled out yet), running (queued or leased), done, failed (failed,
-- expired, denied, cancelled), offline (not finished and the agent has not polled for 5 minutes).
CREATE VIEW hunt_host_status AS
SELECT t.hunt_id, t.agent_id, a.hostname, t.task_id, t.chosen_at, t.started_at, k.state AS task_state,
       k.finished_at, k.error,
       CASE
           WHEN k.state = 'succeeded' THEN 'done'
           WHEN k.state IN ('failed', 'expired', 'denied', 'cancelled') THEN 'failed'
           WHEN a.revoked_at IS NOT NULL OR a.last_seen_at IS NULL
                OR a.last_seen_at < now() - interval '5 minutes' THEN 'offline'
           WHEN t.task_id IS NULL THEN 'pending'
           ELSE 'running'
       END AS status
FROM hunt_targets t
JOIN agents a ON a.id = t.agent_id
LEFT JOIN tasks k ON k.id = t.task_id;

-- Tasks that rules asked for through iterdef.tasks, with what became of each: the idempotency key is the request
-- id (deterministic from the alert), so a replayed request is recorded once. Per-rule, per-host rate limits count
-- the 'queued' and 'dry_run' rows of a rule and host in the window.
CREATE TABLE rule_task_requests (
    request_id  text        PRIMARY KEY,
    rule_id     text        NOT NULL,
    rule_name   text,
    alert_id    text,
    host        text        NOT NULL,
    type        text        NOT NULL,
    params      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    received_at timestamptz NOT NULL DEFAULT now(),
    outcome     text        NOT NULL,
    task_id     uuid        REFERENCES tasks (id) ON DELETE SET NULL,
    detail      text,
    CONSTRAINT rule_task_requests_outcome_check CHECK (outcome IN ('queued', 'dry_run', 'rate_limited', 'no_agent',
        'refused'))
);

CREATE INDEX rule_task_requests_rate_idx ON rule_task_requests (rule_id, host, received_at DESC);
CREATE INDEX rule_task_requests_received_idx ON rule_task_requests (received_at DESC);
