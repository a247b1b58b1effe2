package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value modifier's semantics, through the whole path: a one-selection Sigma rule per case (service security,
 * so the field is winlog.event_data.F), converted, compiled into one rule set, run over one Security event whose F
 * has the given value (null: F absent). Positive and negative cases side by side.
 */
class SigmaModifiersTest {

	/** {@code spec}: the detection key; {@code yamlValue}: its YAML value; {@code field}: F's value or null. */
	record Case(String spec, String yamlValue, String field, boolean match) {
		@Override
		public String toString() {
			return spec + ": " + yamlValue + " on " + (field == null ? "(absent)" : "'" + field + "'") + " -> " + match;
		}
	}

	static String b64(String s, int leading) {
		return Base64.getEncoder().encodeToString(("x".repeat(leading) + s).getBytes(StandardCharsets.UTF_8));
	}

	static String b64wide(String s) {
		return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_16LE));
	}

	static List<Case> cases() {
		return List.of(
				new Case("F", "'Hello'", "hELLO", true),
				new Case("F", "'Hello'", "Hello world", false),
				new Case("F", "'Hello'", null, false),
				new Case("F|contains", "'ell'", "HELLO", true),
				new Case("F|contains", "'ell'", "hallo", false),
				new Case("F|contains", "'ell'", null, false),
				new Case("F|startswith", "'C:\\Windows\\'", "c:\\windows\\system32\\cmd.exe", true),
				new Case("F|startswith", "'C:\\Windows\\'", "D:\\C:\\Windows\\x", false),
				new Case("F|endswith", "'\\cmd.exe'", "C:\\x\\CMD.EXE", true),
				new Case("F|endswith", "'\\cmd.exe'", "C:\\x\\cmd.exe.bak", false),
				new Case("F", "'a?c*z'", "ABCxyz", true),
				new Case("F", "'a?c*z'", "acz", false),
				new Case("F", "'a\\*b'", "a*b", true),
				new Case("F", "'a\\*b'", "axb", false),
				new Case("F", "['x', 'y']", "Y", true),
				new Case("F", "['x', 'y']", "z", false),
				new Case("F|contains|all", "['alpha', 'beta']", "beta then ALPHA", true),
				new Case("F|contains|all", "['alpha', 'beta']", "alpha only", false),
				new Case("F|re", "'^Ab+c$'", "Abbc", true),
				new Case("F|re", "'^Ab+c$'", "abbc", false),
				new Case("F|re", "'b+c'", "xxAbbcyy", true),
				new Case("F|re|i", "'^ab+c$'", "ABBC", true),
				new Case("F|cased", "'Hello'", "Hello", true),
				new Case("F|cased", "'Hello'", "hello", false),
				new Case("F|base64", "'abc'", "YWJj", true),
				new Case("F|base64", "'abc'", "ywjj", false),
				new Case("F|base64offset|contains", "'http://'", "xx" + b64("http://evil.example/a", 0) + "yy", true),
				new Case("F|base64offset|contains", "'http://'", b64("http://evil.example/a", 1), true),
				new Case("F|base64offset|contains", "'http://'", b64("http://evil.example/a", 2), true),
				new Case("F|base64offset|contains", "'http://'", b64("HTTPS://evil.example/a", 1), false),
				new Case("F|wide|base64offset|contains", "'IEX'", "-enc " + b64wide("$a=1; IEX $b"), true),
				new Case("F|wide|base64offset|contains", "'IEX'", "-enc " + b64wide("$a=1; iex $b"), false),
				new Case("F|windash|contains", "' -f '", "schtasks /f /tn x", true),
				new Case("F|windash|contains", "' -f '", "schtasks \u2013f /tn x", true),
				new Case("F|windash|contains", "' -f '", "schtasks +f /tn x", false),
				new Case("F|windash", "'a-b'", "a/b", false),
				new Case("F|cidr", "'10.0.0.0/8'", "10.1.2.3", true),
				new Case("F|cidr", "'10.0.0.0/8'", "11.0.0.1", false),
				new Case("F|cidr", "'10.0.0.0/8'", "::ffff:10.0.0.1", true),
				new Case("F|cidr", "'10.0.0.0/8'", "ten.example.org", false),
				new Case("F|cidr", "'fe80::/10'", "FE80::1%12", true),
				new Case("F|cidr", "'fe80::/10'", "fec0::1", false),
				new Case("F|exists", "true", "", true),
				new Case("F|exists", "true", null, false),
				new Case("F|exists", "false", null, true),
				new Case("F|exists", "false", "x", false),
				new Case("F", "null", null, true),
				new Case("F", "null", "", true),
				new Case("F", "null", "x", false),
				new Case("F", "9", "9", true),
				new Case("F", "9", "09", false),
				new Case("F", "'Quote \" and back\\slash \\\\u0041'", "quote \" AND BACK\\SLASH \\u0041", true));
	}

	static RuleSet ruleSet;

	static Map<Case, String> ids = new LinkedHashMap<>();

	@BeforeAll
	static void compileOneRulePerCase() throws IOException {
		StringBuilder yaml = new StringBuilder();
		List<Case> all = cases();
		for (int i = 0; i < all.size(); i++) {
			Case c = all.get(i);
			String id = String.format("00000000-0000-4000-8000-%012d", i);
			ids.put(c, id);
			yaml.append("---\ntitle: modifier case ").append(i).append("\nid: ").append(id)
				.append("\nlevel: low\nlogsource: {product: windows, service: security}\ndetection:\n    sel:\n        ")
				.append(c.spec()).append(": ").append(c.yamlValue()).append("\n    condition: sel\n");
		}
		SigmaConverter.Result r = SigmaConverter.convertText("modifiers.yml", yaml.toString());
		assertThat(r.refused()).isEmpty();
		Map<String, String> drl = new LinkedHashMap<>();
		r.converted().forEach(c -> drl.put(c.drlPath(), c.drl()));
		ruleSet = RuleSet.compile(drl);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldMatchAsSigmaDefinesTheModifier(Case c) {
		ObjectNode tree = Json.MAPPER.createObjectNode();
		tree.put("@timestamp", "2026-11-17T09:00:00Z");
		tree.putObject("event").put("code", "4688").put("id", "case-" + ids.get(c));
		tree.putObject("host").put("name", "ws1.corp.example.org");
		ObjectNode winlog = tree.putObject("winlog");
		winlog.put("channel", "Security");
		ObjectNode data = winlog.putObject("event_data");
		data.put("Other", "x");
		if (c.field() != null) {
			data.put("F", c.field());
		}
		List<Alert> alerts = ruleSet.detect(List.of(Event.fromTree(tree)));
		assertThat(alerts.stream().anyMatch(a -> a.getRuleId().equals(ids.get(c)))).as(c.toString()).isEqualTo(c.match());
	}

	@Test
	void shouldGenerateOneRulePerCase() {
		List<String> names = new ArrayList<>();
		ruleSet.rules().forEach(r -> names.add(r.name()));
		assertThat(names).hasSize(cases().size());
	}
}
