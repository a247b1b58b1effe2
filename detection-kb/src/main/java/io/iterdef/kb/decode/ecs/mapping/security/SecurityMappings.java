package io.iterdef.kb.decode.ecs.mapping.security;

import io.iterdef.kb.decode.ecs.EventMapping;
import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;

import java.util.List;

import static io.iterdef.kb.decode.ecs.mapping.Classification.of;

/**
 * Security channel (Microsoft-Windows-Security-Auditing, and 1102 from Microsoft-Windows-Eventlog).
 * event.category/type/action are those of Elastic's System integration, data stream security
 * (elastic/integrations packages/system/data_stream/security/elasticsearch/ingest_pipeline/standard.yml, script "Set
 * ECS categorization fields"); users, logon, source and process fields follow the same pipeline and Winlogbeat's
 * security module (elastic/beats x-pack/winlogbeat/module/security/config/winlogbeat-security.js). Elastic does not
 * categorize 4656 and 4663: Iterdef classes them by ObjectType ({@link SecurityObjects}).
 */
public final class SecurityMappings {

	private static final List<String> IAM_CONFIGURATION = List.of("iam", "configuration");

	private SecurityMappings() {
	}

	public static MappingTable table() {
		MappingTable t = new MappingTable();
		add(t, 1102, of(List.of("iam"), List.of("admin", "change"), "audit-log-cleared"), SecurityUsers::logCleared);
		add(t, 4624, of("authentication", "logged-in", "start"), SecurityLogon::logon);
		add(t, 4625, of("authentication", "logon-failed", "start").withOutcome("failure"), SecurityLogon::logon);
		add(t, 4634, of("authentication", "logged-out", "end"), SecurityLogon::logon);
		add(t, 4647, of("authentication", "logged-out", "end"), SecurityLogon::logon);
		add(t, 4648, of("authentication", "logged-in-explicit", "start"), SecurityLogon::explicit);
		t.put(4656, SecurityObjects.mapping("object-handle-requested"));
		t.put(4663, SecurityObjects.mapping("object-accessed"));
		add(t, 4672, of("iam", "logged-in-special", "admin"), SecurityUsers::subject);
		add(t, 4688, of("process", "created-process", "start"), SecurityProcess::created);
		add(t, 4697, of(IAM_CONFIGURATION, List.of("admin", "change"), "service-installed"), SecurityUsers::subject);
		add(t, 4698, of(IAM_CONFIGURATION, List.of("creation", "admin"), "scheduled-task-created"), ScheduledTasks::map);
		add(t, 4699, of(IAM_CONFIGURATION, List.of("deletion", "admin"), "scheduled-task-deleted"), ScheduledTasks::map);
		add(t, 4702, of(IAM_CONFIGURATION, List.of("change", "admin"), "scheduled-task-updated"), ScheduledTasks::map);
		add(t, 4719, of(IAM_CONFIGURATION, List.of("admin", "change"), "changed-audit-config"), SecurityUsers::subject);
		add(t, 4720, of("iam", "added-user-account", "user", "creation"), SecurityUsers::account);
		add(t, 4722, of("iam", "enabled-user-account", "user", "change"), SecurityUsers::account);
		add(t, 4724, of("iam", "reset-password", "user", "change"), SecurityUsers::account);
		add(t, 4728, of("iam", "added-member-to-group", "group", "change"), SecurityUsers::groupMember);
		add(t, 4732, of("iam", "added-member-to-group", "group", "change"), SecurityUsers::groupMember);
		add(t, 4756, of("iam", "added-member-to-group", "group", "change"), SecurityUsers::groupMember);
		add(t, 4768, of("authentication", "kerberos-authentication-ticket-requested", "start"), SecurityLogon::kerberos);
		add(t, 4769, of("authentication", "kerberos-service-ticket-requested", "start"), SecurityLogon::kerberos);
		add(t, 4771, of("authentication", "kerberos-preauth-failed", "start").withOutcome("failure"),
				SecurityLogon::kerberos);
		add(t, 4776, of("authentication", "credential-validated", "start"), SecurityLogon::credentialValidation);
		add(t, 5140, of(List.of("network", "file"), List.of("info", "access"), "network-share-object-accessed"),
				SecurityObjects::share);
		add(t, 5145, of(List.of("network", "file"), List.of("info", "access"), "network-share-object-access-checked"),
				SecurityObjects::share);
		return t;
	}

	/** The classification, the event's own fields, then those every Security event gets ({@link SecurityCommon}). */
	private static void add(MappingTable t, int id, Classification c, EventMapping fields) {
		t.put(id, c, (e, ecs) -> {
			fields.map(e, ecs);
			SecurityCommon.map(e, ecs);
		});
	}

}
