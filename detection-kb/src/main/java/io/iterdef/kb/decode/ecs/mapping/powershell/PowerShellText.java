package io.iterdef.kb.decode.ecs.mapping.powershell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text blocks PowerShell writes its details in: "\tKey=Value" lines (classic 400/800 param2/param3, or the
 * rendered message when the shipper sent no parameters), "Key Name = Value" lines (4103 ContextInfo; the spaces are
 * removed from the key, as Elastic's powershell_operational pipeline does), and the invocation detail lines
 * "CommandInvocation(Cmd): ..." / "ParameterBinding(Cmd): name=...; value=..." (800 param3, 4103 Payload).
 */
final class PowerShellText {

	private static final Pattern PAIR = Pattern.compile("^\\s*([A-Za-z][A-Za-z ]*?)\\s*=\\s?(.*)$");

	private static final Pattern DETAIL = Pattern.compile("^([^:(]+)\\(([^)]+)\\):\\s*(.+)?$");

	private static final Pattern BINDING = Pattern.compile("^name=(.+);\\s*value=(.+)$");

	/** Line breaks; compiled once (String.split with a regex compiles it on every call). */
	private static final Pattern LINES = Pattern.compile("\r?\n");

	private PowerShellText() {
	}

	/** The key=value pairs of the texts, first one wins, keys without spaces. */
	static Map<String, String> pairs(String... texts) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String line : LINES.split(text)) {
				Matcher m = PAIR.matcher(line);
				if (m.matches()) {
					pairs.putIfAbsent(m.group(1).replace(" ", ""), m.group(2).strip());
				}
			}
		}
		return pairs;
	}

	/** powershell.command.invocation_details from the detail lines of the text, when it has any. */
	static void invocationDetails(ObjectNode ecs, String text) {
		if (Values.present(text) == null) {
			return;
		}
		ArrayNode details = null;
		for (String line : LINES.split(text)) {
			Matcher m = DETAIL.matcher(line.strip());
			if (!m.matches() || m.group(1).contains("=")) {
				continue;
			}
			if (details == null) {
				details = Values.object(ecs, "powershell.command").putArray("invocation_details");
			}
			ObjectNode detail = details.addObject().put("type", m.group(1)).put("related_command", m.group(2));
			String value = m.group(3) == null ? "" : m.group(3);
			Matcher b = BINDING.matcher(value);
			if ("ParameterBinding".equals(m.group(1)) && b.matches()) {
				detail.put("name", b.group(1)).put("value", b.group(2));
			}
			else {
				detail.put("value", value);
			}
		}
	}

}
