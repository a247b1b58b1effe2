package io.iterdef.web.incident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

	@Test
	void shouldRenderMarkdownFormattingWhenNoteHasIt() {
		String html = Markdown.toHtml("**bold** and `code`\n\n- one\n- two");

		assertThat(html).contains("<strong>bold</strong>", "<code>code</code>", "<li>one</li>");
	}

	@Test
	void shouldEscapeScriptTagWhenNoteContainsRawHtml() {
		String html = Markdown.toHtml("hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");

		assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
				"&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void shouldDropJavascriptUrlWhenLinkIsUnsafe() {
		String html = Markdown.toHtml("[click](javascript:alert(1)) [ok](https://example.org/a)");

		assertThat(html).doesNotContain("javascript:").contains("href=\"https://example.org/a\"");
	}

}
