-- API tokens for the REST API (/api/v1/**). The secret ("itd_" + 32 random bytes, base64url) is shown once at
-- creation; only its SHA-256 (hex) is stored. A token acts as its user, with the user's current role; a revoked
-- or expired token, or one of a disabled user, is refused.

CREATE TABLE api_tokens (
    id           bigserial   PRIMARY KEY,
    username     text        NOT NULL REFERENCES users (username) ON UPDATE CASCADE ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    CONSTRAINT api_tokens_name_check CHECK (length(name) BETWEEN 1 AND 100),
    CONSTRAINT api_tokens_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX api_tokens_hash_idx ON api_tokens (token_hash);
CREATE INDEX api_tokens_username_idx ON api_tokens (username, created_at DESC);
