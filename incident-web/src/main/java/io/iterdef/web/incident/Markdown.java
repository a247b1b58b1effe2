package io.iterdef.web.incident;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Notes are Markdown, rendered to HTML with raw HTML escaped (a {@code <script>} in a note shows as text)
 * and unsafe link targets (javascript:, data:, ...) removed. The result is the only HTML the pages insert
 * unescaped.
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private Markdown() {
	}

	static String toHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
	}

}
