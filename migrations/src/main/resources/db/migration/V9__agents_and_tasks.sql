-- Endpoint agents and their task queue (issue 8), written by the agent server (agent-tasking/server) and read by
-- the web app. An agent holds one credential, stored as its SHA-256 (hex); only one unrevoked agent may hold a
-- host name. A task's id is its idempotency key; its type is one of the protocol's allow-list (TaskType wire names).
-- Uploads keep their bytes in upload_chunks (bytea, one row per chunk); the server bounds an upload by
-- ITERDEF_AGENT_MAX_UPLOAD_BYTES (default 64 MiB) and a chunk by 1 MiB, and deletes the chunks of a refused upload.

CREATE TABLE agents (
    id              uuid        PRIMARY KEY,
    hostname        text        NOT NULL,
    os              text        NOT NULL,
    facts           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    labels          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    credential_hash text        NOT NULL,
    enrolled_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT agents_credential_hash_key UNIQUE (credential_hash),
    CONSTRAINT agents_hostname_check CHECK (length(hostname) BETWEEN 1 AND 255 AND hostname = lower(hostname)),
    CONSTRAINT agents_os_check CHECK (os IN ('linux', 'windows')),
    CONSTRAINT agents_credential_hash_check CHECK (credential_hash ~ '^[0-9a-f]{64}$')
);

-- One active agent per host name: a second claim is refused until the holder is revoked.
CREATE UNIQUE INDEX agents_active_hostname_key ON agents (hostname) WHERE revoked_at IS NULL;

CREATE TABLE tasks (
    id           uuid        PRIMARY KEY,
    agent_id     uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    type         text        NOT NULL,
    params       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state        text        NOT NULL DEFAULT 'queued',
    requested_by text        NOT NULL,
    source       text        NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    max_attempts integer     NOT NULL DEFAULT 3,
    timeout_ms   bigint      NOT NULL,
    cpu_ms       bigint      NOT NULL,
    max_bytes    bigint      NOT NULL,
    lease_until  timestamptz,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    result       jsonb,
    error        text,
    CONSTRAINT tasks_type_check CHECK (type IN ('agent.info', 'process.list', 'file.stat', 'file.hash', 'dir.list',
        'file.collect', 'net.connections', 'eventlog.query', 'memory.scan', 'agent.update')),
    CONSTRAINT tasks_state_check CHECK (state IN ('queued', 'leased', 'succeeded', 'failed', 'expired')),
    CONSTRAINT tasks_source_check CHECK (source IN ('analyst', 'rule', 'hunt')),
    CONSTRAINT tasks_attempts_check CHECK (attempts >= 0 AND max_attempts BETWEEN 1 AND 10 AND attempts <= max_attempts),
    CONSTRAINT tasks_limits_check CHECK (timeout_ms > 0 AND cpu_ms > 0 AND max_bytes > 0),
    CONSTRAINT tasks_lease_check CHECK ((state = 'leased') = (lease_until IS NOT NULL))
);

-- The poll: an agent's queued tasks, oldest first.
CREATE INDEX tasks_agent_queued_idx ON tasks (agent_id, created_at) WHERE state = 'queued';
-- The sweeper: leases that run out and queued tasks that expire.
CREATE INDEX tasks_lease_until_idx ON tasks (lease_until) WHERE state = 'leased';
CREATE INDEX tasks_expires_at_idx ON tasks (expires_at) WHERE state = 'queued';

CREATE TABLE uploads (
    id             uuid        PRIMARY KEY,
    task_id        uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    size           bigint      NOT NULL,
    sha256         text        NOT NULL,
    chunk_bytes    integer     NOT NULL,
    received_bytes bigint      NOT NULL DEFAULT 0,
    state          text        NOT NULL DEFAULT 'receiving',
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    CONSTRAINT uploads_name_check CHECK (length(name) BETWEEN 1 AND 1024),
    CONSTRAINT uploads_size_check CHECK (size >= 0 AND received_bytes >= 0 AND received_bytes <= size),
    CONSTRAINT uploads_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT uploads_chunk_bytes_check CHECK (chunk_bytes > 0),
    CONSTRAINT uploads_state_check CHECK (state IN ('receiving', 'complete', 'refused'))
);

CREATE INDEX uploads_task_idx ON uploads (task_id);

CREATE TABLE upload_chunks (
    upload_id uuid    NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    idx       integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (upload_id, idx),
    CONSTRAINT upload_chunks_idx_check CHECK (idx >= 0)
);
