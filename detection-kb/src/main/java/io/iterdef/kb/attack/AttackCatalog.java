package io.iterdef.kb.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The vendored subset of MITRE ATT&CK Enterprise (classpath:attack/techniques.tsv): look up a technique, find a
 * sub-technique's parent, order tactics as the ATT&CK matrix does.
 */
public final class AttackCatalog {

	/** The classpath resource read by {@link #load()}. */
	public static final String RESOURCE = "attack/techniques.tsv";

	/** The 14 Enterprise tactics in matrix order, snake_case as in {@code @tactic} and rule file names. */
	public static final List<String> TACTICS = List.of("reconnaissance", "resource_development", "initial_access",
			"execution", "persistence", "privilege_escalation", "defense_evasion", "credential_access", "discovery",
			"lateral_movement", "collection", "command_and_control", "exfiltration", "impact");

	private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

	private static final String HEADER = "id\tname\ttactics";

	private final Map<String, Technique> techniques;

	private AttackCatalog(Map<String, Technique> techniques) {
		this.techniques = techniques;
	}

	/** The vendored catalog from the classpath. */
	public static AttackCatalog load() {
		try (InputStream in = AttackCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("not on the classpath: " + RESOURCE);
			}
			return parse(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + RESOURCE, e);
		}
	}

	/**
	 * Reads the TSV: {@code #} comment lines, the header {@code id<TAB>name<TAB>tactics}, then one technique a line.
	 * @throws IllegalArgumentException on a malformed line, an unknown tactic, a duplicate id or a sub-technique
	 * listed before its parent
	 */
	public static AttackCatalog parse(InputStream in) throws IOException {
		Map<String, Technique> techniques = new LinkedHashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		boolean header = false;
		int lineNo = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lineNo++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (!header) {
				if (!line.equals(HEADER)) {
					throw new IllegalArgumentException("line " + lineNo + ": expected the header '" + HEADER + "'");
				}
				header = true;
				continue;
			}
			Technique t = technique(line, lineNo);
			if (t.isSubTechnique() && !techniques.containsKey(t.parentId())) {
				throw new IllegalArgumentException("line " + lineNo + ": " + t.id() + " before its parent " + t.parentId());
			}
			if (techniques.putIfAbsent(t.id(), t) != null) {
				throw new IllegalArgumentException("line " + lineNo + ": duplicate " + t.id());
			}
		}
		return new AttackCatalog(techniques);
	}

	private static Technique technique(String line, int lineNo) {
		String[] cols = line.split("\t", -1);
		if (cols.length != 3 || !ID.matcher(cols[0]).matches() || cols[1].isBlank()) {
			throw new IllegalArgumentException("line " + lineNo + ": expected id<TAB>name<TAB>tactics: " + line);
		}
		List<String> tactics = Arrays.stream(cols[2].split(",")).map(String::trim).toList();
		for (String tactic : tactics) {
			if (!TACTICS.contains(tactic)) {
				throw new IllegalArgumentException("line " + lineNo + ": unknown tactic '" + tactic + "'");
			}
		}
		List<String> ordered = new ArrayList<>(tactics);
		ordered.sort((a, b) -> Integer.compare(tacticOrder(a), tacticOrder(b)));
		return new Technique(cols[0], cols[1], List.copyOf(ordered));
	}

	/** The technique or sub-technique with that id. */
	public Optional<Technique> find(String id) {
		return Optional.ofNullable(techniques.get(id));
	}

	/** True when the catalog lists that id. */
	public boolean contains(String id) {
		return techniques.containsKey(id);
	}

	/** The parent of a sub-technique; empty for a technique or an unknown id. */
	public Optional<Technique> parent(String id) {
		Technique t = techniques.get(id);
		if (t == null || !t.isSubTechnique()) {
			return Optional.empty();
		}
		return find(t.parentId());
	}

	/** Every technique and sub-technique, in file order. */
	public Collection<Technique> techniques() {
		return techniques.values();
	}

	/** A tactic's position in the matrix (0 for reconnaissance), or -1 when it is not an Enterprise tactic. */
	public static int tacticOrder(String tactic) {
		return TACTICS.indexOf(tactic);
	}
}
