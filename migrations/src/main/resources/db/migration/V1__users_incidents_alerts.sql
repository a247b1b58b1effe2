-- Iterdef base schema: users, incidents, alerts.
-- Later issues add SLA, escalation, notification outbox and audit tables on top of this.

CREATE TABLE users (
    username      text        PRIMARY KEY,
    password_hash text        NOT NULL,                 -- BCrypt, '{bcrypt}' prefix allowed
    role          text        NOT NULL DEFAULT 'analyst',
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_role_check CHECK (role IN ('analyst', 'lead', 'admin')),
    CONSTRAINT users_username_check CHECK (length(username) BETWEEN 1 AND 100)
);

CREATE TABLE incidents (
    id          bigserial   PRIMARY KEY,
    title       text        NOT NULL,
    rule_id     text        NOT NULL,
    rule_name   text        NOT NULL,
    severity    text        NOT NULL,
    host_name   text,
    group_key   text        NOT NULL,
    status      text        NOT NULL DEFAULT 'new',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    alert_count integer     NOT NULL DEFAULT 0,
    CONSTRAINT incidents_status_check CHECK (status IN ('new', 'acknowledged', 'investigating', 'resolved')),
    CONSTRAINT incidents_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT incidents_alert_count_check CHECK (alert_count >= 0)
);

-- Alerts group into one incident per (rule, entity) while it is open.
CREATE UNIQUE INDEX incidents_one_open_per_rule_group
    ON incidents (rule_id, group_key) WHERE status <> 'resolved';
CREATE INDEX incidents_created_at_idx ON incidents (created_at DESC, id DESC);
CREATE INDEX incidents_status_idx ON incidents (status);
CREATE INDEX incidents_host_name_idx ON incidents (host_name);

CREATE TABLE alerts (
    id          text        PRIMARY KEY,               -- the alert id (deterministic, from the detect topology)
    incident_id bigint      NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    rule_id     text        NOT NULL,
    rule_name   text        NOT NULL,
    severity    text        NOT NULL,
    attack      text[]      NOT NULL DEFAULT '{}',
    host_name   text,
    group_key   text        NOT NULL,
    alert_time  timestamptz NOT NULL,
    event_ids   text[]      NOT NULL DEFAULT '{}',
    events      jsonb       NOT NULL DEFAULT '[]',      -- the matched ECS events, in time order
    raw         jsonb       NOT NULL,                   -- the whole alert JSON as received
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alerts_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical'))
);

CREATE INDEX alerts_incident_id_idx ON alerts (incident_id, alert_time);
CREATE INDEX alerts_rule_group_idx ON alerts (rule_id, group_key);
CREATE INDEX alerts_host_name_idx ON alerts (host_name);
CREATE INDEX alerts_alert_time_idx ON alerts (alert_time DESC);
CREATE INDEX alerts_event_ids_idx ON alerts USING gin (event_ids);
