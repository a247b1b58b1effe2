package io.iterdef.kb.decode.ecs.mapping.emet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;

/**
 * Parses EMET's event text (a classic provider: one unnamed Data holding the whole text, which EcsMapper keeps as
 * winlog.event_data.param1; or only the rendered message): "EMET version 5.51.6024.23969", "EMET Service status is:
 * Running", "EMET detected HeapSpray mitigation and will close the application: iexplore.exe" (or "... mitigation in
 * iexplore.exe" in audit mode), "HeapSpray check failed:", then "Name \t: value" lines (Application, User Name,
 * Session ID, PID "0xBA8 (2984)", TID, Module, Address, API Name, ReturnAddress, CalledAddress, StackPtr).
 */
final class EmetText {

	private static final JsonPointer MITIGATION = JsonPointer.compile("/emet/mitigation");

	private static final Pattern DETECTED = Pattern
		.compile("EMET detected (\\S+) mitigation (?:and will close the application:|in)\\s*(.+?)\\s*$");

	private static final Pattern CHECK_FAILED = Pattern.compile("^\\s*(\\S+) check failed:");

	/** Line breaks; compiled once (String.split with a regex compiles it on every call). */
	private static final Pattern LINES = Pattern.compile("\r?\n");

	private static final Pattern VERSION = Pattern.compile("EMET version (\\S+)");

	private static final Pattern STATUS = Pattern.compile("EMET Service status is:\\s*(.+?)\\s*$");

	private static final Pattern FIELD = Pattern.compile(
			"^\\s*(Application|User Name|Session ID|PID|TID|Module|Address|API Name|ReturnAddress|CalledAddress|StackPtr)"
					+ "\\s*:\\s*(.*?)\\s*$");

	private static final Pattern PID = Pattern.compile("^(0x[0-9A-Fa-f]+)?\\s*(?:\\((\\d+)\\))?$");

	private static final Map<String, String> EMET_FIELDS = Map.of("Session ID", "emet.session_id", "Module",
			"emet.module", "Address", "emet.address", "API Name", "emet.api_name", "ReturnAddress",
			"emet.return_address", "CalledAddress", "emet.called_address", "StackPtr", "emet.stack_pointer");

	private EmetText() {
	}

	/** The EMET text of the event: the unnamed Data, else param1, else the only EventData value, else the message. */
	static String text(WinEvent e) {
		if (!e.unnamedData.isEmpty() && Values.present(e.unnamedData.get(0)) != null) {
			return e.unnamedData.get(0);
		}
		if (Values.present(e.data("param1")) != null) {
			return e.data("param1");
		}
		if (e.eventData.size() == 1) {
			String only = e.eventData.values().iterator().next();
			if (Values.present(only) != null) {
				return only;
			}
		}
		return e.message;
	}

	static void map(String text, ObjectNode ecs) {
		if (Values.present(text) == null) {
			return;
		}
		for (String line : LINES.split(text)) {
			Matcher m;
			if ((m = VERSION.matcher(line)).find()) {
				put(ecs, "emet.version", m.group(1));
			}
			if ((m = STATUS.matcher(line)).find()) {
				put(ecs, "emet.service_status", m.group(1));
			}
			if ((m = DETECTED.matcher(line)).find()) {
				put(ecs, "emet.mitigation", m.group(1));
				put(ecs, "process.name", Values.fileName(m.group(2)));
			}
			if ((m = CHECK_FAILED.matcher(line)).find() && ecs.at(MITIGATION).isMissingNode()) {
				put(ecs, "emet.mitigation", m.group(1));
			}
			if ((m = FIELD.matcher(line)).matches()) {
				field(ecs, m.group(1), m.group(2));
			}
		}
	}

	private static void field(ObjectNode ecs, String name, String value) {
		switch (name) {
			case "Application" -> Values.putExecutable(ecs, "process", value);
			case "User Name" -> Values.putUser(ecs, "user", value);
			case "PID" -> Values.putLong(ecs, "process.pid", id(value));
			case "TID" -> Values.putLong(ecs, "process.thread.id", id(value));
			default -> put(ecs, EMET_FIELDS.get(name), value);
		}
	}

	/** "0xBA8 (2984)" -> 2984; "0xBA8" -> 2984; "2984" -> 2984. */
	private static Long id(String value) {
		Matcher m = PID.matcher(value.strip());
		if (m.matches() && m.group(2) != null) {
			return Long.parseLong(m.group(2));
		}
		return Values.number(value);
	}

}
