package io.iterdef.kb.sigma;

import io.iterdef.kb.sigma.SigmaValues.Value;
import io.iterdef.kb.sigma.SigmaValues.Wildcard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigmaValuesTest {

	@Test
	void shouldGiveTheBase64OffsetsThatSigmaRulesList() {
		// the three values Sigma's own rules spell out for 'IEX' with |wide|base64offset
		// (e.g. proc_creation_win_powershell_base64_iex.yml)
		assertThat(SigmaValues.base64Offsets(SigmaValues.utf16le("IEX"))).containsExactly("SQBFAFgA", "kARQBYA", "JAEUAWA");
		// and for 'http://' (ASCII), checked against python: base64.b64encode(i * b" " + b"http://")[start:end]
		assertThat(SigmaValues.base64Offsets(SigmaValues.utf8("http://"))).containsExactly("aHR0cDovL", "h0dHA6Ly",
				"odHRwOi8v");
	}

	@Test
	void shouldReadWildcardsAndSigmaEscapes() {
		assertThat(Value.parse("a*b?c").parts()).containsExactly("a", Wildcard.STAR, "b", Wildcard.ONE, "c");
		assertThat(Value.parse("a\\*b").parts()).containsExactly("a*b");
		assertThat(Value.parse("C:\\Windows\\").parts()).containsExactly("C:\\Windows\\");
		assertThat(Value.parse("x\\\\*").parts()).containsExactly("x\\", Wildcard.STAR);
		assertThat(Value.parse("a*b?c").glob()).isEqualTo("a*b?c");
		assertThat(Value.parse("a\\*b\\\\").glob()).isEqualTo("a\\*b\\\\");
	}

	@Test
	void shouldExpandWindashOnlyWhereAWordStarts() {
		List<String> variants = SigmaValues.windash(Value.parse(" -f x-y")).stream().map(Value::text).toList();
		assertThat(variants).containsExactly(" -f x-y", " /f x-y", " \u2013f x-y", " \u2014f x-y", " \u2015f x-y");
		assertThat(SigmaValues.windash(Value.parse("-a -b"))).hasSize(25);
		assertThatThrownBy(() -> SigmaValues.windash(Value.parse("-a -b -c -d -e"))).isInstanceOf(SigmaRefusal.class)
			.hasMessageContaining("more than 625 variants");
	}
}
