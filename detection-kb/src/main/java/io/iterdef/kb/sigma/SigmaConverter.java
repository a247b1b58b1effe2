package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Converts Sigma rules (YAML files, several documents per file separated by {@code ---}) into DRL on Iterdef's ECS
 * fields: one DRL file per detection rule and per correlation rule. A correlation's referenced rules (by name or id,
 * anywhere in the converted file set) are compiled into the correlation's own DRL file; they also become rules of
 * their own unless the correlation says {@code generate: false} (Sigma's default). A rule that cannot be converted is
 * refused whole, with the reason.
 */
public final class SigmaConverter {

	/** One DRL file: {@code folder/fileName} under an output directory, package rules.sigma.{@code folder}. */
	public record Converted(Path source, String title, String id, String folder, String fileName, String drl) {

		/** The path RuleSet.compile and --out use: rules/sigma/folder/fileName. */
		public String drlPath() {
			return "rules/sigma/" + folder + "/" + fileName;
		}
	}

	public record Refused(Path source, String title, String category, String reason) {

		/** "file: title: reason" as the command prints it. */
		public String line() {
			return source.getFileName() + ": " + title + ": " + category + ": " + reason;
		}
	}

	public record Result(List<Converted> converted, List<Refused> refused, List<String> warnings) {
	}

	private final List<String> warnings = new ArrayList<>();

	private final List<Converted> converted = new ArrayList<>();

	private final List<Refused> refused = new ArrayList<>();

	private final Map<String, Set<String>> namesByFolder = new HashMap<>();

	private final Map<String, Set<String>> filesByFolder = new HashMap<>();

	private SigmaConverter() {
	}

	/** Converts every *.yml / *.yaml file given or under a folder given (hidden files and folders skipped). */
	public static Result convert(List<Path> inputs) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path in : inputs) {
			if (Files.isDirectory(in)) {
				try (Stream<Path> walk = Files.walk(in)) {
					walk.filter(Files::isRegularFile).filter(p -> isYaml(p) && !hidden(in, p)).sorted().forEach(files::add);
				}
			}
			else if (Files.isRegularFile(in)) {
				files.add(in);
			}
			else {
				throw new IOException("no such file or folder: " + in);
			}
		}
		Map<Path, String> texts = new LinkedHashMap<>();
		for (Path f : files) {
			try {
				texts.put(f, Files.readString(f, StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				// not UTF-8, unreadable: that file is refused, the others still convert
				texts.put(f, null);
			}
		}
		return convert(texts);
	}

	/**
	 * Converts Sigma YAML texts keyed by the file they stand for (the file name appears in messages); a null text is
	 * an unreadable file, refused.
	 */
	public static Result convert(Map<Path, String> yamlByFile) {
		SigmaConverter c = new SigmaConverter();
		List<SigmaRule> rules = new ArrayList<>();
		YAMLMapper yaml = new YAMLMapper();
		yamlByFile.forEach((f, text) -> {
			if (text == null) {
				c.refused.add(new Refused(f, "(file)", "unreadable file", "not readable as UTF-8 text"));
				return;
			}
			int index = 0;
			try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(text)) {
				while (docs.hasNextValue()) {
					JsonNode doc = docs.nextValue();
					index++;
					if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
						continue;
					}
					try {
						rules.add(SigmaRule.of(f, doc));
					}
					catch (SigmaRefusal r) {
						c.refused.add(new Refused(f, "document " + index, r.category(), r.getMessage()));
					}
				}
			}
			catch (IOException | RuntimeException e) {
				c.refused.add(new Refused(f, "(file)", "invalid YAML", firstLine(e.getMessage())));
			}
		});
		c.run(rules);
		return new Result(List.copyOf(c.converted), List.copyOf(c.refused), List.copyOf(c.warnings));
	}

	/** Converts one Sigma YAML text (for tests and tools); {@code name} stands for its file name. */
	public static Result convertText(String name, String yamlText) {
		return convert(Map.of(Path.of(name), yamlText));
	}

	private void run(List<SigmaRule> rules) {
		Map<String, SigmaRule> byRef = new HashMap<>();
		for (SigmaRule r : rules) {
			if (r.id() != null) {
				byRef.putIfAbsent(r.id().strip(), r);
			}
			if (r.name() != null) {
				byRef.putIfAbsent(r.name().strip(), r);
			}
		}
		// rules that a correlation with generate: false folds in raise no alerts of their own
		Map<SigmaRule, List<SigmaRule>> folded = new LinkedHashMap<>();
		for (SigmaRule r : rules) {
			if (r.isCorrelation() && !generate(r)) {
				for (String ref : SigmaRule.strings(r.correlation().get("rules"))) {
					SigmaRule base = byRef.get(ref.strip());
					if (base != null) {
						folded.computeIfAbsent(base, b -> new ArrayList<>()).add(r);
					}
				}
			}
		}
		Set<SigmaRule> convertedCorrelations = new HashSet<>();
		Set<SigmaRule> refusedRules = new HashSet<>();
		for (SigmaRule r : rules) {
			try {
				if (r.isCorrelation()) {
					correlation(r, byRef);
					convertedCorrelations.add(r);
				}
				else if (folded.containsKey(r)) {
					// checked here so that its own reason is reported; its DRL is inside the correlation's file
					DetectionCompiler dc = new DetectionCompiler("check", WindowsLogSources.of(r));
					dc.compile(r.detection());
				}
				else {
					detection(r);
				}
			}
			catch (SigmaRefusal e) {
				refused.add(new Refused(r.file(), r.title(), e.category(), e.getMessage()));
				refusedRules.add(r);
			}
		}
		folded.forEach((base, correlations) -> {
			if (!refusedRules.contains(base) && correlations.stream().noneMatch(convertedCorrelations::contains)) {
				warnings.add(base.label() + ": only used by refused correlations (generate: false), so not converted");
			}
		});
	}

	private static boolean generate(SigmaRule r) {
		JsonNode g = r.correlation().get("generate");
		return g != null && g.asBoolean(false);
	}

	private void detection(SigmaRule r) {
		List<String> ruleWarnings = new ArrayList<>();
		RuleMetadata meta = RuleMetadata.of(r, r.tags(), ruleWarnings);
		LogSource ls = WindowsLogSources.of(r);
		String prefix = prefix(meta.id());
		DetectionCompiler.Compiled compiled = new DetectionCompiler(prefix, ls).compile(r.detection());
		StringBuilder sb = header(ls.folder(), r, meta, "logsource: " + ls.name() + " (" + ls.events() + ")");
		compiled.functions().forEach(f -> sb.append(f).append("\n\n"));
		String name = ruleName(ls.folder(), r, meta);
		sb.append("rule \"").append(RuleMetadata.drl(name)).append("\"\n").append(meta.annotations());
		sb.append("when\n");
		sb.append("    $e : Event( ").append(ls.drlGuard()).append(", ").append(compiled.matchFunction()).append("(this) )\n");
		sb.append("then\n    alerts.raise(drools, $e.getHostName(), List.of($e));\nend\n");
		emit(r, meta, ls.folder(), sb.toString(), ruleWarnings);
	}

	private void correlation(SigmaRule r, Map<String, SigmaRule> byRef) {
		List<String> refs = SigmaRule.strings(r.correlation().get("rules"));
		if (refs.isEmpty()) {
			throw new SigmaRefusal("invalid correlation", "correlation names no rules");
		}
		List<String> ruleWarnings = new ArrayList<>();
		List<SigmaRule> baseRules = new ArrayList<>();
		for (String ref : refs) {
			SigmaRule base = byRef.get(ref.strip());
			if (base == null) {
				throw new SigmaRefusal("unknown rule", "correlation references '" + ref + "', which is not among the converted files");
			}
			if (base.isCorrelation()) {
				throw new SigmaRefusal("unsupported correlation", "'" + ref + "' is a correlation: chained correlations are not supported");
			}
			baseRules.add(base);
		}
		List<String> tags = new ArrayList<>(r.tags());
		if (tags.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("attack."))) {
			baseRules.forEach(b -> tags.addAll(b.tags()));
		}
		RuleMetadata meta = RuleMetadata.of(r, tags, ruleWarnings);
		String prefix = prefix(meta.id());
		List<CorrelationCompiler.Base> bases = new ArrayList<>();
		for (int i = 0; i < baseRules.size(); i++) {
			SigmaRule b = baseRules.get(i);
			LogSource ls;
			DetectionCompiler.Compiled compiled;
			try {
				ls = WindowsLogSources.of(b);
				compiled = new DetectionCompiler(prefix + "_r" + i, ls).compile(b.detection());
			}
			catch (SigmaRefusal e) {
				throw new SigmaRefusal(e.category(), "referenced rule '" + b.title() + "': " + e.getMessage());
			}
			bases.add(new CorrelationCompiler.Base(b, ls, compiled, prefix + "_r" + i));
		}
		CorrelationCompiler.Compiled cc = CorrelationCompiler.compile(r, bases, prefix);
		StringBuilder sb = header(cc.folder(), r, meta, "correlation " + r.correlation().path("type").asText() + " of "
				+ String.join(", ", baseRules.stream().map(SigmaRule::title).toList()) + " within " + cc.timespan()
				+ ", by host" + groupBy(r));
		sb.append(cc.declare()).append("\n\n");
		cc.functions().forEach(f -> sb.append(f).append("\n\n"));
		String name = ruleName(cc.folder(), r, meta);
		sb.append("rule \"").append(RuleMetadata.drl(name)).append("\"\n").append(meta.annotations());
		RuleMetadata.line(sb, "window", cc.timespan());
		sb.append("when\n").append(cc.when()).append("then\n").append(cc.then()).append("end\n");
		emit(r, meta, cc.folder(), sb.toString(), ruleWarnings);
	}

	private static String groupBy(SigmaRule r) {
		List<String> g = SigmaRule.strings(r.correlation().get("group-by"));
		return g.isEmpty() ? "" : ", " + String.join(", ", g);
	}

	private StringBuilder header(String folder, SigmaRule r, RuleMetadata meta, String what) {
		StringBuilder sb = new StringBuilder();
		sb.append("package rules.sigma.").append(folder).append(";\n\n");
		sb.append("import io.iterdef.kb.event.Event;\n");
		sb.append("import io.iterdef.kb.sigma.runtime.SigmaMatch;\n");
		sb.append("import java.util.List;\n\n");
		sb.append("global io.iterdef.kb.engine.Alerts alerts;\n\n");
		sb.append("// Converted by 'iterdef sigma convert' from ").append(DetectionCompiler.comment(r.file().getFileName().toString()))
			.append(", Sigma rule ").append(meta.id()).append(".\n");
		sb.append("// ").append(DetectionCompiler.comment(what)).append("\n\n");
		return sb;
	}

	private void emit(SigmaRule r, RuleMetadata meta, String folder, String drl, List<String> ruleWarnings) {
		warnings.addAll(ruleWarnings);
		Set<String> files = filesByFolder.computeIfAbsent(folder, f -> new HashSet<>());
		String stem = snake(r.title());
		String file = stem + ".drl";
		for (int i = 2; files.contains(file); i++) {
			file = stem + "_" + i + ".drl";
		}
		files.add(file);
		converted.add(new Converted(r.file(), r.title(), meta.id(), folder, file, drl));
	}

	/** The DRL rule name: the title, with the id when another rule of the package has that title already. */
	private String ruleName(String folder, SigmaRule r, RuleMetadata meta) {
		Set<String> names = namesByFolder.computeIfAbsent(folder, f -> new HashSet<>());
		String name = r.title();
		if (!names.add(name)) {
			name = r.title() + " (" + meta.id() + ")";
			names.add(name);
		}
		return name;
	}

	/** Function and type names of one converted file: unique per Sigma id within a package. */
	static String prefix(String id) {
		try {
			byte[] h = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
			return "s" + HexFormat.of().formatHex(h).substring(0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** "Encoded PowerShell (Sigma)" -> "encoded_powershell_sigma". */
	static String snake(String title) {
		String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (s.length() > 80) {
			s = s.substring(0, 80).replaceAll("_+$", "");
		}
		return s.isEmpty() ? "sigma_rule" : s;
	}

	private static boolean isYaml(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".yml") || n.endsWith(".yaml");
	}

	private static boolean hidden(Path root, Path p) {
		for (Path part : root.relativize(p)) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "unreadable";
		}
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

	/** Counts of refusals by category, most frequent first, for the summary. */
	public static Map<String, Integer> byCategory(List<Refused> refused) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		refused.forEach(r -> counts.merge(r.category(), 1, Integer::sum));
		Map<String, Integer> sorted = new LinkedHashMap<>();
		counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}
}
