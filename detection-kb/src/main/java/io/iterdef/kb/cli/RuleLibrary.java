package io.iterdef.kb.cli;

import io.iterdef.kb.engine.DrlSources;
import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.engine.RuleSet;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule set together with its DRL sources: which file declares which rule (by {@code @id}) and which package each
 * file declares. From a directory (a working copy of the rules) or from classpath:rules/.
 */
public final class RuleLibrary {

	private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

	private final RuleSet rules;

	private final Map<String, String> sources;

	private final Map<String, String> fileById = new HashMap<>();

	private RuleLibrary(Map<String, String> sources) {
		this.sources = Map.copyOf(sources);
		this.rules = RuleSet.compile(sources);
		sources.forEach((path, drl) -> {
			Matcher m = ID.matcher(drl);
			while (m.find()) {
				fileById.put(m.group(1), path);
			}
		});
	}

	/** The rules under {@code dir} (paths relative to it), or classpath:rules/ when {@code dir} is null. */
	public static RuleLibrary load(Path dir) {
		return dir == null ? fromClasspath() : fromDirectory(dir);
	}

	public static RuleLibrary fromClasspath() {
		return new RuleLibrary(DrlSources.fromClasspath(RuleLibrary.class.getClassLoader()));
	}

	public static RuleLibrary fromDirectory(Path dir) {
		return new RuleLibrary(DrlSources.fromDirectory(dir));
	}

	public RuleSet ruleSet() {
		return rules;
	}

	/** DRL source path -> text (classpath paths start with {@code rules/}). */
	public Map<String, String> sources() {
		return sources;
	}

	/** The source path of the DRL file that declares the rule, or null when no file has its {@code @id}. */
	public String file(RuleInfo rule) {
		return rule.id() == null ? null : fileById.get(rule.id());
	}

	/** The file name without folder and {@code .drl} ("execution_encoded_powershell"), or null. */
	public String stem(RuleInfo rule) {
		return stemOf(file(rule));
	}

	/** rule id -> file stem, for every rule whose file declares its {@code @id}. */
	public Map<String, String> stemsById() {
		Map<String, String> stems = new HashMap<>();
		fileById.forEach((id, path) -> stems.put(id, stemOf(path)));
		return stems;
	}

	/** The {@code package} a DRL source declares, or null. */
	public static String declaredPackage(String drl) {
		Matcher m = PACKAGE.matcher(drl);
		return m.find() ? m.group(1) : null;
	}

	static String stemOf(String path) {
		if (path == null) {
			return null;
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.endsWith(".drl") ? name.substring(0, name.length() - 4) : name;
	}
}
