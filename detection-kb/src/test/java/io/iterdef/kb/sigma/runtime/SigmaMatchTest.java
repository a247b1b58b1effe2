package io.iterdef.kb.sigma.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigmaMatchTest {

	@Test
	void shouldGlobWithStarQuestionMarkAndEscapes() {
		assertThat(SigmaMatch.glob("abcxyz", "a?c*z")).isTrue();
		assertThat(SigmaMatch.glob("acz", "a?c*z")).isFalse();
		assertThat(SigmaMatch.glob("", "*")).isTrue();
		assertThat(SigmaMatch.glob("a*b", "a\\*b")).isTrue();
		assertThat(SigmaMatch.glob("axb", "a\\*b")).isFalse();
		assertThat(SigmaMatch.glob("a\\b", "a\\\\b")).isTrue();
		// backtracking: the first 'ab' is not the one that ends the text
		assertThat(SigmaMatch.glob("xabyab", "*ab")).isTrue();
		assertThat(SigmaMatch.glob("xabyabz", "*aby")).isFalse();
		assertThat(SigmaMatch.glob("xabyabz", "*ab?")).isTrue();
		assertThat(SigmaMatch.glob(null, "*")).isFalse();
	}

	@Test
	void shouldFindRegexesCaseSensitively() {
		assertThat(SigmaMatch.regex("xxAbbcyy", "Ab+c")).isTrue();
		assertThat(SigmaMatch.regex("xxabbcyy", "Ab+c")).isFalse();
		assertThat(SigmaMatch.regex("xxabbcyy", "(?i)Ab+c")).isTrue();
		assertThat(SigmaMatch.regex(null, ".*")).isFalse();
	}

	@Test
	void shouldMatchIpv4AndIpv6Ranges() {
		assertThat(SigmaMatch.cidr("192.168.1.20", "192.168.0.0/16")).isTrue();
		assertThat(SigmaMatch.cidr("192.169.0.1", "192.168.0.0/16")).isFalse();
		assertThat(SigmaMatch.cidr(" 10.0.0.1 ", "10.0.0.1")).isTrue();
		assertThat(SigmaMatch.cidr("8.8.8.8", "0.0.0.0/0")).isTrue();
		assertThat(SigmaMatch.cidr("::ffff:192.168.1.1", "192.168.0.0/16")).isTrue();
		assertThat(SigmaMatch.cidr("2001:db8:1::5", "2001:db8::/32")).isTrue();
		assertThat(SigmaMatch.cidr("2001:db9::5", "2001:db8::/32")).isFalse();
		assertThat(SigmaMatch.cidr("[fe80::1%eth0]", "fe80::/10")).isTrue();
		// an IPv4 address is not in an IPv6 range and the other way round
		assertThat(SigmaMatch.cidr("10.0.0.1", "::/0")).isFalse();
	}

	@Test
	void shouldNotMatchNorLookUpWhatIsNotAnAddressLiteral() {
		assertThat(SigmaMatch.cidr("localhost", "127.0.0.0/8")).isFalse();
		assertThat(SigmaMatch.cidr("999.1.1.1", "0.0.0.0/0")).isFalse();
		assertThat(SigmaMatch.cidr("1.2.3", "0.0.0.0/0")).isFalse();
		assertThat(SigmaMatch.cidr("-", "0.0.0.0/0")).isFalse();
		assertThat(SigmaMatch.cidr(null, "0.0.0.0/0")).isFalse();
	}
}
