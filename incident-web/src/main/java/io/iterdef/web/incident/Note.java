package io.iterdef.web.incident;

import java.time.Instant;

/** A note on an incident: its Markdown and the safe HTML rendered from it. */
record Note(long id, String author, Instant createdAt, String body, String html) {
}
