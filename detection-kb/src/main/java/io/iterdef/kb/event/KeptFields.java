package io.iterdef.kb.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dotted paths whose values a {@linkplain Event#compact(KeptFields) compacted} event keeps: the ones the rules
 * read. Immutable; shared by every event of a session.
 */
public final class KeptFields {

	/** Keeps nothing: every path read after compaction parses the JSON again. */
	public static final KeptFields NONE = of(List.of());

	private final Set<String> paths;

	private final String[] names;

	private final Event.DottedPath[] split;

	private KeptFields(Set<String> paths) {
		this.paths = paths;
		this.names = paths.toArray(new String[0]);
		this.split = new Event.DottedPath[names.length];
		for (int i = 0; i < names.length; i++) {
			split[i] = Event.DottedPath.of(names[i]);
		}
	}

	public static KeptFields of(Collection<String> paths) {
		return new KeptFields(Set.copyOf(new TreeSet<>(paths)));
	}

	/** The paths, sorted. */
	public Set<String> paths() {
		return new TreeSet<>(paths);
	}

	boolean contains(String path) {
		return paths.contains(path);
	}

	/** Path, value pairs for the paths that have a value in {@code tree}. */
	Object[] valuesIn(JsonNode tree) {
		List<Object> pairs = new ArrayList<>();
		for (int i = 0; i < split.length; i++) {
			JsonNode n = Event.node(tree, split[i]);
			if (n != null) {
				pairs.add(names[i]);
				pairs.add(n);
			}
		}
		return pairs.toArray();
	}

	@Override
	public String toString() {
		return "KeptFields" + paths();
	}
}
