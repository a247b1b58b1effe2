package io.iterdef.web.hosts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's events grouped into the processes that did them, children under their parents. Pure: events in,
 * tree out.
 * <ul>
 * <li>A process is identified by {@code process.entity_id} (Sysmon's ProcessGuid) when the event has one, else by
 * its pid and start: the latest start of that pid at or before the event (process creation events start a new
 * process; a pid seen before any start in the window is one process of unknown start). So a reused pid makes two
 * processes.</li>
 * <li>A process's parent is the process with its {@code process.parent.entity_id}, else the process that had
 * {@code process.parent.pid} when the child started. A process whose parent is not in the window is a root.</li>
 * <li>Events without a process (no entity id, no pid or pid 0) go to {@link Tree#other()}.</li>
 * </ul>
 * Every list is in time order.
 */
final class ProcessTree {

	/** One process: what it ran, as whom, the events it did, and the processes it started. */
	static final class Node {

		private final String key;

		private final String entityId;

		private final Long pid;

		private Instant start;

		private Instant firstSeen;

		private String executable;

		private String commandLine;

		private String user;

		private String parentEntityId;

		private Long parentPid;

		private Node parent;

		private final List<HostEvent> events = new ArrayList<>();

		private final List<Node> children = new ArrayList<>();

		Node(String key, String entityId, Long pid) {
			this.key = key;
			this.entityId = entityId;
			this.pid = pid;
		}

		public String key() {
			return key;
		}

		public String entityId() {
			return entityId;
		}

		public Long pid() {
			return pid;
		}

		/** The process creation time, null when its start is not in the window. */
		public Instant start() {
			return start;
		}

		public Instant firstSeen() {
			return firstSeen;
		}

		public String executable() {
			return executable;
		}

		public String commandLine() {
			return commandLine;
		}

		public String user() {
			return user;
		}

		public List<HostEvent> events() {
			return events;
		}

		public List<Node> children() {
			return children;
		}

		/** The number of processes in this subtree, this one included. */
		public int size() {
			int n = 1;
			for (Node c : children) {
				n += c.size();
			}
			return n;
		}

		private Instant order() {
			return start != null ? start : firstSeen;
		}

		private void take(HostEvent e) {
			if (firstSeen == null) {
				firstSeen = e.timestamp();
			}
			events.add(e);
			boolean fromStart = e.processStart();
			if (executable == null || fromStart) {
				executable = e.executable() != null ? e.executable() : executable;
			}
			if (commandLine == null || fromStart) {
				commandLine = e.commandLine() != null ? e.commandLine() : commandLine;
			}
			if (user == null || fromStart) {
				user = e.user() != null ? e.user() : user;
			}
			if (parentEntityId == null) {
				parentEntityId = e.parentEntityId();
			}
			if (parentPid == null) {
				parentPid = e.parentPid();
			}
		}

		private boolean isAncestorOrSelf(Node other) {
			for (Node n = this; n != null; n = n.parent) {
				if (n == other) {
					return true;
				}
			}
			return false;
		}

	}

	/** The roots (processes whose parent is not in the window) and the events without a process. */
	record Tree(List<Node> roots, List<HostEvent> other, int processCount) {
	}

	private static final long SAME_START_MILLIS = 2000;

	private ProcessTree() {
	}

	static Tree build(List<HostEvent> events) {
		List<HostEvent> sorted = new ArrayList<>(events);
		sorted.sort(Comparator.comparing(HostEvent::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
		Map<String, Node> byEntity = new LinkedHashMap<>();
		Map<Long, List<Node>> byPid = new HashMap<>();
		List<Node> all = new ArrayList<>();
		List<HostEvent> other = new ArrayList<>();
		for (HostEvent e : sorted) {
			if (!e.hasProcess()) {
				other.add(e);
				continue;
			}
			Node node;
			if (e.entityId() != null) {
				node = byEntity.get(e.entityId());
				if (node == null) {
					node = new Node("guid:" + e.entityId(), e.entityId(), e.pid());
					byEntity.put(e.entityId(), node);
					all.add(node);
					if (e.pid() != null) {
						byPid.computeIfAbsent(e.pid(), p -> new ArrayList<>()).add(node);
					}
				}
			}
			else {
				List<Node> withPid = byPid.computeIfAbsent(e.pid(), p -> new ArrayList<>());
				Node current = withPid.isEmpty() ? null : withPid.get(withPid.size() - 1);
				if (current == null || e.processStart() && !sameStart(current, e)) {
					node = new Node("pid:" + e.pid() + "@" + e.timestamp(), null, e.pid());
					withPid.add(node);
					all.add(node);
				}
				else {
					node = current;
				}
			}
			if (e.processStart() && node.start == null) {
				node.start = e.timestamp();
			}
			node.take(e);
		}
		List<Node> roots = new ArrayList<>();
		for (Node node : all) {
			Node parent = parentOf(node, byEntity, byPid);
			if (parent == null || parent.isAncestorOrSelf(node)) {
				roots.add(node);
			}
			else {
				node.parent = parent;
				parent.children.add(node);
			}
		}
		Comparator<Node> byTime = Comparator.comparing(Node::order, Comparator.nullsFirst(Comparator.naturalOrder()));
		for (Node node : all) {
			node.children.sort(byTime);
		}
		roots.sort(byTime);
		return new Tree(List.copyOf(roots), List.copyOf(other), all.size());
	}

	/**
	 * Whether a pid-only process start (Security 4688) is the start Sysmon already reported for the process with
	 * that pid (within {@value #SAME_START_MILLIS} ms): then it is the same process, not a reuse of the pid.
	 */
	private static boolean sameStart(Node current, HostEvent start) {
		return current.start != null && start.timestamp() != null
				&& Math.abs(current.start.toEpochMilli() - start.timestamp().toEpochMilli()) <= SAME_START_MILLIS;
	}

	private static Node parentOf(Node child, Map<String, Node> byEntity, Map<Long, List<Node>> byPid) {
		if (child.parentEntityId != null) {
			Node parent = byEntity.get(child.parentEntityId);
			if (parent != null || child.entityId != null) {
				// the parent's guid is known: it is that process or none in the window, never a pid guess
				return parent;
			}
		}
		if (child.parentPid == null) {
			return null;
		}
		Instant at = child.order();
		Node best = null;
		for (Node candidate : byPid.getOrDefault(child.parentPid, List.of())) {
			Instant started = candidate.order();
			boolean before = at == null || started == null || !started.isAfter(at);
			if (candidate != child && before && (best == null || best.order() == null
					|| started != null && started.isAfter(best.order()))) {
				best = candidate;
			}
		}
		return best;
	}

}
