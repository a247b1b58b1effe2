package io.iterdef.kb.attack;

import java.util.List;

/** An ATT&CK technique or sub-technique ({@code T1059} or {@code T1059.001}) with its tactics in ATT&CK order. */
public record Technique(String id, String name, List<String> tactics) {

	/** True for a sub-technique ({@code Txxxx.yyy}). */
	public boolean isSubTechnique() {
		return id.indexOf('.') > 0;
	}

	/** The parent technique id of a sub-technique, or this id for a technique. */
	public String parentId() {
		int dot = id.indexOf('.');
		return dot < 0 ? id : id.substring(0, dot);
	}
}
