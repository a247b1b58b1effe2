package io.iterdef.web.search;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 says: CRLF line ends, fields with a comma, quote, CR or LF in double quotes, quotes doubled.
 * Written by hand because no CSV library is on the classpath and this is all of it. Event values are
 * attacker-controlled, so a value a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 * prefixed with a single quote (OWASP's CSV injection advice).
 */
final class CsvWriter {

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	/** The header: column names, checked field names (@timestamp must stay as it is), quoted only as needed. */
	void header(List<String> columns) throws IOException {
		write(columns.stream().map(CsvWriter::quote).toList());
	}

	void row(List<String> values) throws IOException {
		write(values.stream().map(CsvWriter::field).toList());
	}

	private void write(List<String> fields) throws IOException {
		out.write(String.join(",", fields));
		out.write("\r\n");
	}

	static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		return quote(text);
	}

	static String quote(String text) {
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
