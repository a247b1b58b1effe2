package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Windows command line into arguments the way CommandLineToArgvW does (backslashes escape a quote only
 * when they precede one; a doubled quote inside quotes is a literal quote, the "prior to 2008" rule), as Elastic's
 * Windows pipelines do to set process.args and process.args_count.
 */
public final class CommandLines {

	private CommandLines() {
	}

	/** The arguments of the command line; empty when it is blank. */
	public static List<String> argv(String commandLine) {
		List<String> args = new ArrayList<>();
		if (commandLine == null) {
			return args;
		}
		int i = 0;
		int n = commandLine.length();
		while (i < n) {
			char c = commandLine.charAt(i);
			if (c == ' ' || c == '\t') {
				i++;
				continue;
			}
			StringBuilder arg = new StringBuilder();
			boolean inQuote = false;
			int slashes = 0;
			for (; i < n; i++) {
				c = commandLine.charAt(i);
				if ((c == ' ' || c == '\t') && !inQuote) {
					break;
				}
				if (c == '\\') {
					slashes++;
					continue;
				}
				if (c == '"') {
					backslashes(arg, slashes / 2);
					if (slashes % 2 == 0) {
						if (inQuote && i + 1 < n && commandLine.charAt(i + 1) == '"') {
							arg.append('"');
							i++;
						}
						inQuote = !inQuote;
					}
					else {
						arg.append('"');
					}
					slashes = 0;
					continue;
				}
				backslashes(arg, slashes);
				slashes = 0;
				arg.append(c);
			}
			backslashes(arg, slashes);
			args.add(arg.toString());
		}
		return args;
	}

	/** Appends n backslashes (without building a string for each character of the command line, as repeat did). */
	private static void backslashes(StringBuilder arg, int n) {
		for (int k = 0; k < n; k++) {
			arg.append('\\');
		}
	}

	/** {prefix}.args and {prefix}.args_count from the command line, when it has arguments. */
	public static void putArgs(ObjectNode ecs, String prefix, String commandLine) {
		if (Values.present(commandLine) == null) {
			return;
		}
		List<String> args = argv(commandLine);
		if (args.isEmpty()) {
			return;
		}
		ObjectNode process = Values.object(ecs, prefix);
		ArrayNode list = process.putArray("args");
		args.forEach(list::add);
		process.put("args_count", args.size());
	}

}
