-- Suppressed-match counts on alerts. The detect topology emits an alert at its rule's first match and, when the
-- rule's suppression window (@suppress) closes with further matches, the same alert again (same id) with
-- suppressed_count = how many matches it suppressed and last_suppressed_at = the time of the last one.
-- incident-web stores the highest count it has seen for an alert id (a replayed or older record never lowers it).

ALTER TABLE alerts
    ADD COLUMN suppressed_count   bigint      NOT NULL DEFAULT 0,
    ADD COLUMN last_suppressed_at timestamptz,
    ADD CONSTRAINT alerts_suppressed_count_check CHECK (suppressed_count >= 0);
