package io.iterdef.kb.sigma;

import io.iterdef.kb.sigma.Condition.And;
import io.iterdef.kb.sigma.Condition.Not;
import io.iterdef.kb.sigma.Condition.Of;
import io.iterdef.kb.sigma.Condition.Or;
import io.iterdef.kb.sigma.Condition.Ref;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionParserTest {

	@Test
	void shouldBindNotTighterThanAndTighterThanOr() {
		assertThat(ConditionParser.parse("a or b and not c")).isEqualTo(
				new Or(List.of(new Ref("a"), new And(List.of(new Ref("b"), new Not(new Ref("c")))))));
		assertThat(ConditionParser.parse("not a and b")).isEqualTo(new And(List.of(new Not(new Ref("a")), new Ref("b"))));
	}

	@Test
	void shouldGroupWithParentheses() {
		assertThat(ConditionParser.parse("(a or b) and not (c or d)")).isEqualTo(new And(List.of(
				new Or(List.of(new Ref("a"), new Ref("b"))), new Not(new Or(List.of(new Ref("c"), new Ref("d")))))));
		assertThat(ConditionParser.parse("((a))")).isEqualTo(new Ref("a"));
	}

	@Test
	void shouldReadOneOfAndAllOfWithPatternsAndThem() {
		assertThat(ConditionParser.parse("1 of selection_*")).isEqualTo(new Of(false, "selection_*"));
		assertThat(ConditionParser.parse("any of sel*")).isEqualTo(new Of(false, "sel*"));
		assertThat(ConditionParser.parse("all of them")).isEqualTo(new Of(true, "them"));
		assertThat(ConditionParser.parse("1 of them and not 1 of filter*")).isEqualTo(
				new And(List.of(new Of(false, "them"), new Not(new Of(false, "filter*")))));
	}

	@Test
	void shouldTakeKeywordsInAnyCaseAndIdentifiersWithDashesAndDots() {
		assertThat(ConditionParser.parse("sel-1 AND NOT filter.x")).isEqualTo(
				new And(List.of(new Ref("sel-1"), new Not(new Ref("filter.x")))));
	}

	@Test
	void shouldRefuseAggregationsNearAndSyntaxErrors() {
		assertThatThrownBy(() -> ConditionParser.parse("selection | count() > 5")).isInstanceOf(SigmaRefusal.class)
			.hasMessageContaining("aggregation");
		assertThatThrownBy(() -> ConditionParser.parse("selection | near other")).hasMessageContaining("'near'");
		assertThatThrownBy(() -> ConditionParser.parse("(a or b")).hasMessageContaining("missing ')'");
		assertThatThrownBy(() -> ConditionParser.parse("a and")).hasMessageContaining("at the end");
		assertThatThrownBy(() -> ConditionParser.parse("a b")).hasMessageContaining("unexpected 'b'");
		assertThatThrownBy(() -> ConditionParser.parse("1 of")).hasMessageContaining("after 'of'");
		assertThatThrownBy(() -> ConditionParser.parse(" ")).hasMessageContaining("empty condition");
		assertThat(catchCategory("a or or b")).isEqualTo("invalid condition");
	}

	private static String catchCategory(String condition) {
		try {
			ConditionParser.parse(condition);
			return null;
		}
		catch (SigmaRefusal r) {
			return r.category();
		}
	}
}
