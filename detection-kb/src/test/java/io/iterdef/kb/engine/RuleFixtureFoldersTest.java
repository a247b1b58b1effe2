package io.iterdef.kb.engine;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.cli.RuleLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule file has sample-events fixtures: rules/<path>/<rule_stem>/{match,nomatch}/ with at least one case each. */
class RuleFixtureFoldersTest {

	@Test
	void shouldHaveMatchAndNomatchCasesWhenRuleFileExists() throws IOException {
		RuleLibrary library = RuleConventions.library();
		List<Path> roots = TestResources.classpathFolders(RuleFixturesTest.FIXTURE_ROOT);
		List<String> violations = new ArrayList<>();
		for (String path : library.sources().keySet()) {
			String folder = path.substring(RuleFixturesTest.FIXTURE_ROOT.length() + 1, path.length() - ".drl".length());
			for (String kind : List.of("match", "nomatch")) {
				if (!hasCase(roots, folder + "/" + kind)) {
					violations.add(path + ": no fixture case in sample-events rules/" + folder + "/" + kind + "/");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	private static boolean hasCase(List<Path> roots, String folder) throws IOException {
		for (Path root : roots) {
			Path dir = root.resolve(folder);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> files = Files.list(dir)) {
					if (files.anyMatch(f -> f.toString().endsWith(".json") || f.toString().endsWith(".ndjson"))) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
