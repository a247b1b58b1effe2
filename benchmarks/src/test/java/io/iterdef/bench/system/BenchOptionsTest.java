package io.iterdef.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

	@Test
	void shouldRunEverythingButTheSoakByDefault() {
		BenchOptions options = BenchOptions.parse();
		assertThat(options.selected("engine")).isTrue();
		assertThat(options.selected("pipeline")).isTrue();
		assertThat(options.selected("soak")).isFalse();
		assertThat(options.jmhArgs()).isEmpty();
	}

	@Test
	void shouldRunOnlyTheNamedBenchmarks() {
		BenchOptions options = BenchOptions.parse("--only", "b0,pipeline");
		assertThat(options.selected("b0")).isTrue();
		assertThat(options.selected("pipeline")).isTrue();
		assertThat(options.selected("engine")).isFalse();
		assertThat(options.selected("indexer")).isFalse();
	}

	@Test
	void shouldRunTheSoakWhenAskedEitherWay() {
		assertThat(BenchOptions.parse("--soak").selected("soak")).isTrue();
		assertThat(BenchOptions.parse("--only", "soak").selected("soak")).isTrue();
		assertThat(BenchOptions.parse("--only", "soak").selected("engine")).isFalse();
	}

	@Test
	void shouldPassWhatFollowsTheDoubleDashToJmh() {
		assertThat(BenchOptions.parse("--only", "engine", "--", "-f", "3", "EngineBenchmark").jmhArgs())
				.containsExactly("-f", "3", "EngineBenchmark");
	}

	@Test
	void shouldShortenJmhInAQuickRun() {
		assertThat(BenchOptions.parse("--quick").jmhArgs()).containsSubsequence("-f", "1");
		assertThatThrownBy(() -> BenchOptions.parse("--quick", "--", "-f", "3"))
				.hasMessageContaining("either --quick or -- JMH options");
	}

	@Test
	void shouldRefuseUnknownArgumentsAndAMissingList() {
		assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessage("unknown argument '--fast'");
		assertThatThrownBy(() -> BenchOptions.parse("--only")).hasMessageContaining("--only needs a list of names");
	}

	@Test
	void shouldRefuseAnOnlyNameThatIsNoBenchmarks() {
		assertThatThrownBy(() -> SystemRun.validate(BenchOptions.parse("--only", "engine,warp")))
				.hasMessageContaining("unknown benchmark 'warp'");
	}
}
