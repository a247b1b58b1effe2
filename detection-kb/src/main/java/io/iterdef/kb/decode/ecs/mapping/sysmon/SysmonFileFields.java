package io.iterdef.kb.decode.ecs.mapping.sysmon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;

import java.util.Set;

import static io.iterdef.kb.decode.ecs.mapping.Values.bool;
import static io.iterdef.kb.decode.ecs.mapping.Values.present;
import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putBoolean;
import static io.iterdef.kb.decode.ecs.mapping.Values.putFile;
import static io.iterdef.kb.decode.ecs.mapping.Values.putHashes;

/**
 * file.* of a Sysmon event as Elastic maps them (TargetFilename, Device for 9, ImageLoaded for 6 and 7, PipeName as
 * file.name for 17/18, Signature/SignatureStatus/Signed as file.code_signature.*, Hashes of 6, 7, 15, 26 and 29 as
 * file.hash.*), sysmon.file.archived/is_executable; and for 7 (Image loaded) the same as dll.* too, the ECS fieldset
 * for a loaded library that Iterdef's DESIGN lists.
 */
final class SysmonFileFields {

	private static final Set<Integer> FILE_HASHES = Set.of(6, 7, 15, 26, 29);

	private SysmonFileFields() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		String path = SysmonProcessFields.first(e, "TargetFilename", "Device", "ImageLoaded");
		putFile(ecs, "file", path);
		String pipe = present(e.data("PipeName"));
		if (path == null && pipe != null) {
			put(ecs, "file.name", pipe);
		}
		if (FILE_HASHES.contains(e.eventId)) {
			putHashes(ecs, "file", SysmonProcessFields.first(e, "Hashes", "Hash"));
		}
		signature(e, ecs, "file");
		if (e.eventId == 7) {
			SysmonProcessFields.pe(e, ecs, "file.pe");
			putFile(ecs, "dll", path);
			putHashes(ecs, "dll", SysmonProcessFields.first(e, "Hashes", "Hash"));
			signature(e, ecs, "dll");
			SysmonProcessFields.pe(e, ecs, "dll.pe");
		}
		putBoolean(ecs, "sysmon.file.archived", bool(e.data("Archived")));
		putBoolean(ecs, "sysmon.file.is_executable", bool(e.data("IsExecutable")));
	}

	private static void signature(WinEvent e, ObjectNode ecs, String prefix) {
		put(ecs, prefix + ".code_signature.subject_name", e.data("Signature"));
		String status = present(e.data("SignatureStatus"));
		put(ecs, prefix + ".code_signature.status", status);
		putBoolean(ecs, prefix + ".code_signature.signed", bool(e.data("Signed")));
		if (status != null) {
			putBoolean(ecs, prefix + ".code_signature.valid", "Valid".equalsIgnoreCase(status.strip()));
		}
	}

}
