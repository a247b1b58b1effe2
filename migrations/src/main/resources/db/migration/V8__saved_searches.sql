-- Saved event searches (issue 7): a name for a search's parameters, the same ones its /search URL carries.
-- range_from / range_to hold the time range as typed (an ISO instant or relative like now-24h); "from" and "to"
-- are SQL keywords. Names are unique per owner; shared ones are listed to every user.

CREATE TABLE saved_searches (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL,
    owner      text        NOT NULL REFERENCES users (username) ON UPDATE CASCADE ON DELETE CASCADE,
    q          text        NOT NULL DEFAULT '',
    range_from text        NOT NULL,
    range_to   text        NOT NULL,
    columns    text        NOT NULL,
    sort       text        NOT NULL DEFAULT 'desc',
    shared     boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT saved_searches_owner_name_key UNIQUE (owner, name),
    CONSTRAINT saved_searches_name_check CHECK (length(name) BETWEEN 1 AND 100),
    CONSTRAINT saved_searches_sort_check CHECK (sort IN ('asc', 'desc'))
);

CREATE INDEX saved_searches_shared_idx ON saved_searches (shared) WHERE shared;
