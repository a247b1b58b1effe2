-- Incident management: teams, assignment, workflow timestamps and resolution, merge, SLA targets and pauses,
-- notes, and an append-only audit log. Escalation policies and the notification outbox come in V5, API tokens
-- in V6 (V4 is kept for the incident workflow's own additions).

CREATE TABLE teams (
    name       text        PRIMARY KEY,
    email      text,                                      -- where mail to the team goes (optional)
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_name_check CHECK (length(name) BETWEEN 1 AND 100)
);

CREATE TABLE team_members (
    team     text NOT NULL REFERENCES teams (name) ON DELETE CASCADE,
    username text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    PRIMARY KEY (team, username)
);

ALTER TABLE users
    ADD COLUMN email        text,
    ADD COLUMN display_name text;

-- Time targets per severity, in seconds. An incident takes a copy of its severity's targets when it is
-- created (trigger below), so editing a target changes new incidents only.
CREATE TABLE sla_targets (
    severity        text        PRIMARY KEY,
    ack_seconds     integer     NOT NULL,
    resolve_seconds integer     NOT NULL,
    updated_by      text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sla_targets_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT sla_targets_positive CHECK (ack_seconds > 0 AND resolve_seconds > 0),
    CONSTRAINT sla_targets_order CHECK (resolve_seconds >= ack_seconds)
);

INSERT INTO sla_targets (severity, ack_seconds, resolve_seconds) VALUES
    ('critical',  15 * 60,      4 * 3600),
    ('high',      30 * 60,      8 * 3600),
    ('medium',     4 * 3600,   72 * 3600),
    ('low',       24 * 3600,  168 * 3600);

ALTER TABLE incidents
    ADD COLUMN assignee               text REFERENCES users (username) ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN team                   text REFERENCES teams (name) ON UPDATE CASCADE ON DELETE SET NULL,
    ADD COLUMN acknowledged_at        timestamptz,
    ADD COLUMN acknowledged_by        text,
    ADD COLUMN resolved_at            timestamptz,
    ADD COLUMN resolved_by            text,
    ADD COLUMN resolution             text,
    ADD COLUMN reopen_count           integer     NOT NULL DEFAULT 0,
    ADD COLUMN merged_into            bigint REFERENCES incidents (id),
    -- why alerts group here, shown on the incident (e.g. "rule X, host Y, while open")
    ADD COLUMN grouping_reason        text,
    -- the incident's copy of its severity's SLA targets (seconds)
    ADD COLUMN sla_ack_seconds        integer,
    ADD COLUMN sla_resolve_seconds    integer,
    ADD CONSTRAINT incidents_resolution_check
        CHECK (resolution IS NULL OR resolution IN ('true_positive', 'false_positive', 'benign', 'duplicate')),
    ADD CONSTRAINT incidents_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id);

-- Incidents from before this migration: resolved ones need a resolution for the check below.
UPDATE incidents SET resolution = 'true_positive', resolved_at = updated_at
 WHERE status = 'resolved' AND resolution IS NULL;
UPDATE incidents SET acknowledged_at = updated_at WHERE status <> 'new' AND acknowledged_at IS NULL;

ALTER TABLE incidents
    ADD CONSTRAINT incidents_resolved_has_resolution
        CHECK (status <> 'resolved' OR (resolution IS NOT NULL AND resolved_at IS NOT NULL));

CREATE INDEX incidents_assignee_idx ON incidents (assignee);
CREATE INDEX incidents_team_idx ON incidents (team);
CREATE INDEX incidents_rule_id_idx ON incidents (rule_id);
CREATE INDEX incidents_severity_idx ON incidents (severity);

CREATE FUNCTION incidents_copy_sla_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sla_ack_seconds IS NULL OR NEW.sla_resolve_seconds IS NULL THEN
        SELECT coalesce(NEW.sla_ack_seconds, t.ack_seconds), coalesce(NEW.sla_resolve_seconds, t.resolve_seconds)
          INTO NEW.sla_ack_seconds, NEW.sla_resolve_seconds
          FROM sla_targets t WHERE t.severity = NEW.severity;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER incidents_copy_sla_targets BEFORE INSERT ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_copy_sla_targets();

UPDATE incidents i SET sla_ack_seconds = t.ack_seconds, sla_resolve_seconds = t.resolve_seconds
  FROM sla_targets t WHERE t.severity = i.severity AND i.sla_ack_seconds IS NULL;

-- SLA pauses ("waiting on others"): open while resumed_at is null; at most one open pause per incident.
CREATE TABLE incident_sla_pauses (
    id          bigserial   PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    paused_at   timestamptz NOT NULL DEFAULT now(),
    paused_by   text        NOT NULL,
    reason      text        NOT NULL,
    resumed_at  timestamptz,
    resumed_by  text,
    CONSTRAINT incident_sla_pauses_order CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
);
CREATE UNIQUE INDEX incident_sla_pauses_one_open ON incident_sla_pauses (incident_id) WHERE resumed_at IS NULL;

-- The SLA clock of every incident, now. Elapsed time excludes pauses; the acknowledge clock stops at
-- acknowledgement and the resolve clock at resolution. A phase is 'warning' from 75 % of its target and
-- 'breached' from 100 %; sla_state is the worse of the two phases.
CREATE VIEW incident_sla AS
WITH clocks AS (
    SELECT i.id, i.created_at, i.sla_ack_seconds, i.sla_resolve_seconds,
           coalesce(i.acknowledged_at, i.resolved_at, now()) AS ack_end,
           coalesce(i.resolved_at, now())                    AS resolve_end,
           EXISTS (SELECT 1 FROM incident_sla_pauses p WHERE p.incident_id = i.id AND p.resumed_at IS NULL) AS paused
      FROM incidents i
), elapsed AS (
    SELECT c.*,
           extract(epoch FROM c.ack_end - c.created_at) - coalesce((
               SELECT sum(extract(epoch FROM least(coalesce(p.resumed_at, now()), c.ack_end) - greatest(p.paused_at, c.created_at)))
                 FROM incident_sla_pauses p
                WHERE p.incident_id = c.id AND p.paused_at < c.ack_end AND coalesce(p.resumed_at, now()) > c.created_at), 0)
               AS ack_elapsed_seconds,
           extract(epoch FROM c.resolve_end - c.created_at) - coalesce((
               SELECT sum(extract(epoch FROM least(coalesce(p.resumed_at, now()), c.resolve_end) - greatest(p.paused_at, c.created_at)))
                 FROM incident_sla_pauses p
                WHERE p.incident_id = c.id AND p.paused_at < c.resolve_end AND coalesce(p.resumed_at, now()) > c.created_at), 0)
               AS resolve_elapsed_seconds
      FROM clocks c
), ratios AS (
    SELECT e.*,
           e.ack_elapsed_seconds / nullif(e.sla_ack_seconds, 0)         AS ack_ratio,
           e.resolve_elapsed_seconds / nullif(e.sla_resolve_seconds, 0) AS resolve_ratio
      FROM elapsed e
)
SELECT r.id AS incident_id, r.paused,
       r.sla_ack_seconds, r.ack_elapsed_seconds, r.ack_ratio,
       CASE WHEN r.ack_ratio IS NULL THEN 'none' WHEN r.ack_ratio >= 1 THEN 'breached'
            WHEN r.ack_ratio >= 0.75 THEN 'warning' ELSE 'ok' END AS ack_state,
       r.sla_resolve_seconds, r.resolve_elapsed_seconds, r.resolve_ratio,
       CASE WHEN r.resolve_ratio IS NULL THEN 'none' WHEN r.resolve_ratio >= 1 THEN 'breached'
            WHEN r.resolve_ratio >= 0.75 THEN 'warning' ELSE 'ok' END AS resolve_state,
       CASE WHEN greatest(r.ack_ratio, r.resolve_ratio) IS NULL THEN 'none'
            WHEN greatest(r.ack_ratio, r.resolve_ratio) >= 1 THEN 'breached'
            WHEN greatest(r.ack_ratio, r.resolve_ratio) >= 0.75 THEN 'warning' ELSE 'ok' END AS sla_state
  FROM ratios r;

-- Notes on an incident, Markdown (rendered safely: raw HTML is escaped).
CREATE TABLE incident_notes (
    id          bigserial   PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    author      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    body        text        NOT NULL,
    CONSTRAINT incident_notes_body_check CHECK (length(body) BETWEEN 1 AND 100000)
);
CREATE INDEX incident_notes_incident_idx ON incident_notes (incident_id, created_at);

-- Every change, append-only: who, when, what, the values before and after. incident_id is null for
-- changes that are not about one incident (users, teams, SLA targets, policies).
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,                    -- a username, 'system', or 'api:<token name>'
    incident_id bigint      REFERENCES incidents (id),
    action      text        NOT NULL,                    -- e.g. 'acknowledge', 'assign', 'merge', 'sla_target.update'
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_incident_idx ON audit_log (incident_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
