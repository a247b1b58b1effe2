package io.iterdef.kb.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.attack.AttackCatalog;
import io.iterdef.kb.attack.Technique;
import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.event.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code rules coverage [--navigator FILE]}: ATT&CK coverage as a text matrix and a Navigator layer. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
		description = "ATT&CK coverage of the rules: per tactic, the techniques with their rule counts; "
				+ "optionally an ATT&CK Navigator layer (layer format 4.5).")
final class RulesCoverageCommand implements Callable<Integer> {

	@Option(names = "--rules", paramLabel = "DIR", description = "a working copy of the rules instead of the built-in ones")
	Path rulesDir;

	@Option(names = "--navigator", paramLabel = "FILE", description = "write an ATT&CK Navigator layer JSON to FILE")
	Path navigator;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		RuleLibrary library = RulesOptions.load(spec, rulesDir);
		AttackCatalog catalog = AttackCatalog.load();
		Map<String, List<String>> rulesByTechnique = rulesByTechnique(library.ruleSet().rules());
		PrintWriter out = spec.commandLine().getOut();
		printMatrix(out, catalog, rulesByTechnique);
		out.flush();
		if (navigator != null) {
			Files.writeString(navigator, Json.MAPPER.writerWithDefaultPrettyPrinter()
				.writeValueAsString(layer(rulesByTechnique)) + "\n");
			spec.commandLine().getErr().println("navigator layer: " + navigator);
			spec.commandLine().getErr().flush();
		}
		return 0;
	}

	/** ATT&CK id -> names of the rules that declare it, sorted by id. */
	static Map<String, List<String>> rulesByTechnique(List<RuleInfo> rules) {
		Map<String, List<String>> byId = new TreeMap<>();
		for (RuleInfo r : rules) {
			for (String id : r.attack()) {
				byId.computeIfAbsent(id, k -> new ArrayList<>()).add(r.name());
			}
		}
		return byId;
	}

	static void printMatrix(PrintWriter out, AttackCatalog catalog, Map<String, List<String>> rulesByTechnique) {
		TextTable table = new TextTable("TACTIC", "TECHNIQUE", "NAME", "RULES");
		int covered = 0;
		List<String> uncovered = new ArrayList<>();
		for (String tactic : AttackCatalog.TACTICS) {
			boolean any = false;
			for (Map.Entry<String, List<String>> e : rulesByTechnique.entrySet()) {
				Technique t = catalog.find(e.getKey()).orElse(null);
				if (t != null && t.tactics().contains(tactic)) {
					table.row(any ? "" : tactic, t.id(), t.name(), String.valueOf(e.getValue().size()));
					any = true;
				}
			}
			if (!any) {
				uncovered.add(tactic);
			}
		}
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : rulesByTechnique.entrySet()) {
			if (catalog.contains(e.getKey())) {
				covered++;
			}
			else {
				unknown.add(e.getKey());
				table.row("(not in the catalog)", e.getKey(), "", String.valueOf(e.getValue().size()));
			}
		}
		table.print(out);
		out.println(covered + " of " + catalog.techniques().size() + " catalog techniques covered; tactics without a rule: "
				+ (uncovered.isEmpty() ? "none" : String.join(", ", uncovered)));
		if (!unknown.isEmpty()) {
			out.println("ATT&CK ids not in the catalog: " + String.join(", ", unknown));
		}
	}

	/** An ATT&CK Navigator layer (format 4.5): one scored entry per id, score = number of rules. */
	static ObjectNode layer(Map<String, List<String>> rulesByTechnique) {
		ObjectNode layer = Json.MAPPER.createObjectNode();
		layer.put("name", "Iterdef rule coverage");
		ObjectNode versions = layer.putObject("versions");
		versions.put("attack", "15");
		versions.put("navigator", "4.9.1");
		versions.put("layer", "4.5");
		layer.put("domain", "enterprise-attack");
		layer.put("description", "Techniques detected by Iterdef's DRL rules; score = number of rules");
		ArrayNode techniques = layer.putArray("techniques");
		int max = 1;
		List<String> parentsShown = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : rulesByTechnique.entrySet()) {
			ObjectNode t = techniques.addObject();
			t.put("techniqueID", e.getKey());
			t.put("score", e.getValue().size());
			t.put("comment", String.join("; ", e.getValue()));
			t.put("enabled", true);
			max = Math.max(max, e.getValue().size());
			int dot = e.getKey().indexOf('.');
			if (dot > 0) {
				parentsShown.add(e.getKey().substring(0, dot));
			}
		}
		// a parent row expanded in the matrix so that its scored sub-techniques show
		for (ObjectNode t : iterate(techniques)) {
			if (parentsShown.contains(t.get("techniqueID").asText())) {
				t.put("showSubtechniques", true);
			}
		}
		for (String parent : parentsShown.stream().distinct().filter(p -> !rulesByTechnique.containsKey(p)).toList()) {
			ObjectNode t = techniques.addObject();
			t.put("techniqueID", parent);
			t.put("enabled", true);
			t.put("showSubtechniques", true);
		}
		ObjectNode gradient = layer.putObject("gradient");
		gradient.putArray("colors").add("#ffffff").add("#66b1ff");
		gradient.put("minValue", 0);
		gradient.put("maxValue", max);
		layer.putArray("legendItems");
		layer.put("hideDisabled", false);
		return layer;
	}

	private static List<ObjectNode> iterate(ArrayNode array) {
		List<ObjectNode> nodes = new ArrayList<>();
		array.forEach(n -> nodes.add((ObjectNode) n));
		return nodes;
	}
}
