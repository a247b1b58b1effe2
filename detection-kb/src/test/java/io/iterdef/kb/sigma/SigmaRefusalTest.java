package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iterdef.kb.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of src/test/resources/sigma-refused/ are refused whole, each with the reason its custom attribute
 * {@code refusal} names; nothing of them is converted (the base rule of the count-down correlation, which is fine on
 * its own, is folded into that refused correlation and so produces nothing either).
 */
class SigmaRefusalTest {

	static SigmaConverter.Result result;

	@BeforeAll
	static void convert() throws IOException {
		result = SigmaConverter.convert(List.of(TestResources.classpathFolder("sigma-refused")));
	}

	static List<String[]> expected() throws IOException {
		List<String[]> out = new ArrayList<>();
		Path file = TestResources.classpathFolder("sigma-refused").resolve("refused.yml");
		try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
			while (it.hasNextValue()) {
				JsonNode doc = it.nextValue();
				if (doc.has("refusal")) {
					out.add(new String[] { doc.get("title").asText(), doc.get("refusal").asText() });
				}
			}
		}
		return out;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("expected")
	void shouldRefuseWithTheReason(String title, String reason) {
		List<SigmaConverter.Refused> refusals = result.refused().stream().filter(r -> r.title().equals(title)).toList();
		assertThat(refusals).as(title).hasSize(1);
		SigmaConverter.Refused r = refusals.get(0);
		assertThat(r.category() + ": " + r.reason()).startsWith(reason);
		assertThat(r.line()).startsWith("refused.yml: " + title + ": " + reason.substring(0, reason.indexOf(':')));
	}

	@Test
	void shouldConvertNothingAndRefuseEveryMarkedRule() throws IOException {
		assertThat(result.converted()).isEmpty();
		assertThat(result.refused()).hasSize(expected().size());
		assertThat(SigmaConverter.byCategory(result.refused())).containsEntry("unsupported modifier", 3)
			.containsEntry("unmapped logsource", 2);
	}

	@Test
	void shouldWarnAboutABaseRuleThatOnlyRefusedCorrelationsUse() {
		assertThat(result.warnings()).containsExactly("refused.yml: Base rule for a count-down correlation: only used by"
				+ " refused correlations (generate: false), so not converted");
	}
}
