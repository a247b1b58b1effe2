package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Windows command line into arguments the way CommandLineToArgvW does (backslashes escape a quote only
 * when they precede one; a doubled quote inside quotes is a literal quote, the "prior to 2008" rule), as Elastic's
 * Windows pipelines do to set process.args and process.args_count.
 */
public final class CommandLines {

	/** An unquoted program path that may have spaces, up to its first executable extension; compiled once. */
	private static final Pattern UNQUOTED_PROGRAM = Pattern
		.compile("^((?:[^\"\\s]|\\s(?![-/]))*?\\.(?:exe|com|bat|cmd|scr|pif))(?=[\\s\"]|$)", Pattern.CASE_INSENSITIVE);

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

	/**
	 * The program a command names: its first argument, after taking off quotes around the whole command (Sysmon 20
	 * writes a consumer's command as " \"C:\\dir\\app.exe /arg\""). An unquoted program path with spaces
	 * ("C:\\Program Files\\app.exe /arg") is read up to its first ".exe"-like token before any switch, as
	 * CreateProcess resolves it.
	 * Null when the command is blank.
	 */
	public static String executable(String command) {
		String c = Values.trimmed(command);
		if (c == null) {
			return null;
		}
		if (c.length() > 1 && c.charAt(0) == '"' && c.indexOf('"', 1) == c.length() - 1) {
			c = c.substring(1, c.length() - 1).strip();
		}
		List<String> args = argv(c);
		if (args.isEmpty()) {
			return null;
		}
		String first = args.get(0);
		if (c.charAt(0) != '"' && first.indexOf('\\') >= 0 && Values.extension(first) == null) {
			Matcher program = UNQUOTED_PROGRAM.matcher(c);
			if (program.find()) {
				return program.group(1);
			}
		}
		return Values.present(first);
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
