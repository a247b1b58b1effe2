-- Escalation policies (versioned), the escalation state of each incident, SLA warning/breach crossings,
-- and the notification outbox. The scheduler in incident-web (io.iterdef.web.escalation) works these
-- tables with SELECT ... FOR UPDATE SKIP LOCKED, so several web-app instances can share one database.

-- A policy: which incidents it applies to and its levels live in its versions; the policy row holds what
-- is not versioned (name, enabled, priority: the lowest priority number that matches wins).
CREATE TABLE escalation_policies (
    id              bigserial   PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    enabled         boolean     NOT NULL DEFAULT true,
    priority        integer     NOT NULL DEFAULT 100,
    current_version integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL,
    CONSTRAINT escalation_policies_name_check CHECK (length(name) BETWEEN 1 AND 100)
);

-- Immutable: editing a policy adds a version. levels is a JSON array in order, each
-- {"delay_seconds": n, "targets": [{"type": "user|team|email|webhook", "value": "..."}]}; level 1's delay
-- counts from the incident's creation, each later level's from the level before it. After the last level
-- the levels run again from level 1, repeat_count more times.
CREATE TABLE escalation_policy_versions (
    policy_id     bigint      NOT NULL REFERENCES escalation_policies (id) ON DELETE CASCADE,
    version       integer     NOT NULL,
    severities    text[]      NOT NULL,
    rule_pattern  text,                                   -- a regular expression over the whole rule id; null = any
    levels        jsonb       NOT NULL,
    repeat_count  integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL,
    PRIMARY KEY (policy_id, version),
    CONSTRAINT escalation_policy_versions_levels_check CHECK (jsonb_typeof(levels) = 'array' AND jsonb_array_length(levels) >= 1),
    CONSTRAINT escalation_policy_versions_repeat_check CHECK (repeat_count BETWEEN 0 AND 100),
    CONSTRAINT escalation_policy_versions_severities_check
        CHECK (cardinality(severities) >= 1 AND severities <@ ARRAY['low', 'medium', 'high', 'critical'])
);

CREATE FUNCTION escalation_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'escalation_policy_versions are immutable: % refused (edit the policy to add a version)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER escalation_policy_versions_no_update BEFORE UPDATE ON escalation_policy_versions
    FOR EACH ROW EXECUTE FUNCTION escalation_policy_versions_immutable();

-- One row per incident, written by the scheduler the first time it sees the incident: the policy version
-- in force when the incident was created (kept for the incident's life), and the next level to fire.
-- policy_id is null when no enabled policy matched (the row is then stopped at once, so the incident is
-- not looked at again).
CREATE TABLE incident_escalations (
    incident_id   bigint      PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
    policy_id     bigint,
    version       integer,
    next_level    integer     NOT NULL DEFAULT 0,        -- 0-based index into the version's levels
    repeat_round  integer     NOT NULL DEFAULT 0,        -- 0 = the first pass
    next_at       timestamptz,
    started_at    timestamptz NOT NULL DEFAULT now(),
    stopped_at    timestamptz,
    stop_reason   text,
    FOREIGN KEY (policy_id, version) REFERENCES escalation_policy_versions (policy_id, version),
    CONSTRAINT incident_escalations_stopped_check CHECK ((stopped_at IS NULL) = (stop_reason IS NULL)),
    CONSTRAINT incident_escalations_running_check CHECK (stopped_at IS NOT NULL OR (policy_id IS NOT NULL AND next_at IS NOT NULL))
);
CREATE INDEX incident_escalations_due_idx ON incident_escalations (next_at) WHERE stopped_at IS NULL;

-- Each SLA crossing, once: phase ack or resolve, level warning (75 %) or breached (100 %).
CREATE TABLE incident_sla_events (
    incident_id bigint      NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    phase       text        NOT NULL,
    level       text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, phase, level),
    CONSTRAINT incident_sla_events_phase_check CHECK (phase IN ('ack', 'resolve')),
    CONSTRAINT incident_sla_events_level_check CHECK (level IN ('warning', 'breached'))
);

-- The outbox: one row per notification, created in the transaction that decided to notify; dedupe_key
-- (incident, reason, level, round, channel, recipient) makes creating it twice impossible. A sender claims due
-- pending rows (FOR UPDATE SKIP LOCKED), sends, and marks them in the same transaction.
CREATE TABLE notifications (
    id              bigserial   PRIMARY KEY,
    dedupe_key      text        NOT NULL UNIQUE,
    incident_id     bigint      REFERENCES incidents (id) ON DELETE CASCADE,
    kind            text        NOT NULL,                -- escalation, sla_warning, sla_breach
    level           integer,                             -- 1-based escalation level
    repeat_round    integer,
    channel         text        NOT NULL,
    recipient       text        NOT NULL,                -- an e-mail address or a webhook URL
    subject         text        NOT NULL,
    body            text        NOT NULL,                -- the mail text
    payload         jsonb       NOT NULL,                -- the webhook JSON
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    sent_by         text,                                -- which instance sent it
    CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'webhook')),
    CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed')),
    CONSTRAINT notifications_kind_check CHECK (kind IN ('escalation', 'sla_warning', 'sla_breach'))
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_incident_idx ON notifications (incident_id, created_at);
CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC);
