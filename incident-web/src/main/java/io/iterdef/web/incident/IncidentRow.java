package io.iterdef.web.incident;

/** An incident in the list, with its SLA state (ok, warning, breached, none) and whether its clock is paused. */
record IncidentRow(Incident incident, String slaState, boolean paused) {
}
