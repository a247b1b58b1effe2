package io.iterdef.agent.eventlog;

import java.util.List;
import java.util.regex.Pattern;

import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskFailedException;

/**
 * The checked parameters of eventlog.query {channel, query?, maxEvents?} and the wevtutil command they make: an
 * argument list (never a shell), {@code wevtutil qe <channel> /q:<xpath> /c:<max> /rd:true /f:xml}.
 *
 * <ul>
 * <li>channel: a log name such as {@code Security} or {@code Microsoft-Windows-Sysmon/Operational}: letters,
 * digits, space, '-', '_', '.', '/' (starting with a letter or digit, so it is never read as an option);</li>
 * <li>query: an XPath 1.0 filter of the event log's subset, e.g. {@code *[System[(EventID=4624)]]}: letters,
 * digits, space and {@code * [ ] ( ) = < > ! ' / @ . _ : , -} only (no double quotes: they do not survive the
 * Windows command line intact), at most {@value #MAX_QUERY} characters; default {@code *};</li>
 * <li>maxEvents: 1 to {@value #MAX_EVENTS}, default 100; the byte budget bounds the output as well.</li>
 * </ul>
 */
record EventLogQuery(String channel, String query, int maxEvents) {

	static final int MAX_EVENTS = 10_000;

	static final int MAX_QUERY = 2_048;

	private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,254}");

	private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9 *\\[\\]()=<>!'/@._:,-]{1," + MAX_QUERY + "}");

	static EventLogQuery from(TaskContext context) {
		String channel = context.string("channel");
		if (!CHANNEL.matcher(channel).matches()) {
			throw new TaskFailedException("parameter \"channel\" must be an event log name of letters, digits, space,"
					+ " '-', '_', '.' and '/' (e.g. Security, Microsoft-Windows-Sysmon/Operational); was " + channel);
		}
		Object queryValue = context.params().get("query");
		String query = queryValue == null ? "*" : String.valueOf(queryValue);
		if (!QUERY.matcher(query).matches()) {
			throw new TaskFailedException("parameter \"query\" must be an XPath filter of letters, digits, space and"
					+ " * [ ] ( ) = < > ! ' / @ . _ : , - (single quotes for strings), at most " + MAX_QUERY
					+ " characters, e.g. *[System[(EventID=4624)]]");
		}
		int maxEvents = context.integer("maxEvents", 100, 1, MAX_EVENTS);
		return new EventLogQuery(channel, query, maxEvents);
	}

	/** The command as an argument list for ProcessBuilder. */
	List<String> command(String wevtutil) {
		return List.of(wevtutil, "qe", channel, "/q:" + query, "/c:" + maxEvents, "/rd:true", "/f:xml");
	}

}
