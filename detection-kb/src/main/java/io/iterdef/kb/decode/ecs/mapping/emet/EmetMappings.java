package io.iterdef.kb.decode.ecs.mapping.emet;

import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;

/**
 * EMET (Application channel, provider EMET): 1 a mitigation detected an exploit attempt (warning, audit mode), 2 a
 * mitigation blocked it and closed the application (error), 50 service status and configuration (information).
 * No Elastic pipeline exists for EMET; 1 and 2 are alerts from a protection system, so event.kind becomes "alert"
 * with category intrusion_detection (type info, or denied with outcome failure for the block, as Elastic marks
 * Sysmon's blocked executable 27); 50 is configuration info. The text is parsed into emet.*, process.* and user.*
 * ({@link EmetText}); the DeepBlueCLI and Cuckoo descriptions of the EID 2 text are the reference (EID 1 assumed the
 * same layout).
 */
public final class EmetMappings {

	private EmetMappings() {
	}

	public static MappingTable table() {
		return new MappingTable().put(1, Classification.of("intrusion_detection", "exploit-mitigation-detected", "info"),
				(e, ecs) -> {
					ecs.withObjectProperty("event").put("kind", "alert");
					EmetText.map(EmetText.text(e), ecs);
				})
			.put(2, Classification.of("intrusion_detection", "exploit-mitigation-blocked", "denied")
				.withOutcome("failure"), (e, ecs) -> {
					ecs.withObjectProperty("event").put("kind", "alert");
					EmetText.map(EmetText.text(e), ecs);
				})
			.put(50, Classification.of("configuration", "emet-status", "info"),
					(e, ecs) -> EmetText.map(EmetText.text(e), ecs));
	}

}
