package io.iterdef.kb.sigma;

import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.sigma.LogSource.Source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sigma's Windows logsources as Iterdef decodes them (see decode/ecs/mapping): Sysmon categories by event id, with
 * process_creation also from Security 4688, and the Windows services by channel. The README's "Importing Sigma
 * rules" table documents this class; keep them in step.
 */
public final class WindowsLogSources {

	private static final Map<String, LogSource> CATEGORIES = new LinkedHashMap<>();

	private static final Map<String, LogSource> SERVICES = new LinkedHashMap<>();

	static {
		Map<String, String> processCreation = new LinkedHashMap<>();
		processCreation.put("Image", "process.executable");
		processCreation.put("CommandLine", "process.command_line");
		processCreation.put("ParentImage", "process.parent.executable");
		processCreation.put("ParentCommandLine", "process.parent.command_line");
		processCreation.put("OriginalFileName", "process.pe.original_file_name");
		processCreation.put("Product", "process.pe.product");
		processCreation.put("Company", "process.pe.company");
		processCreation.put("Description", "process.pe.description");
		processCreation.put("FileVersion", "process.pe.file_version");
		processCreation.put("CurrentDirectory", "process.working_directory");
		processCreation.put("ProcessId", "process.pid");
		processCreation.put("ParentProcessId", "process.parent.pid");
		processCreation.put("md5", "process.hash.md5");
		processCreation.put("sha1", "process.hash.sha1");
		processCreation.put("sha256", "process.hash.sha256");
		processCreation.put("Imphash", "process.pe.imphash");
		category("process_creation", "process_creation", List.of(sysmon("1"), new Source(Channels.SECURITY, List.of("4688"))),
				processCreation,
				"Hashes", "User", "IntegrityLevel", "LogonId", "LogonGuid", "TerminalSessionId", "ParentUser",
				"ProcessGuid", "ParentProcessGuid", "RuleName", "UtcTime");

		Map<String, String> network = Map.of("Image", "process.executable", "SourceIp", "source.ip", "SourcePort",
				"source.port", "DestinationIp", "destination.ip", "DestinationPort", "destination.port");
		category("network_connection", "network_connection", List.of(sysmon("3")), network, "Protocol", "Initiated", "User",
				"SourceIsIpv6", "SourceHostname", "SourcePortName", "DestinationIsIpv6", "DestinationHostname",
				"DestinationPortName", "ProcessId", "ProcessGuid");

		Map<String, String> file = Map.of("Image", "process.executable", "TargetFilename", "file.path");
		category("file_event", "file_event", List.of(sysmon("11")), file, "CreationUtcTime", "User", "ProcessId", "ProcessGuid");
		category("file_change", "file_event", List.of(sysmon("2")), file, "CreationUtcTime", "PreviousCreationUtcTime", "User",
				"ProcessId", "ProcessGuid");
		category("file_delete", "file_event", List.of(sysmon("23", "26")), file, "Hashes",
				"IsExecutable", "Archived", "User", "ProcessId", "ProcessGuid");

		Map<String, String> image = Map.of("Image", "process.executable", "ImageLoaded", "dll.path");
		category("image_load", "image_load", List.of(sysmon("7")), image, "Hashes", "Signed", "Signature", "SignatureStatus",
				"OriginalFileName", "Product", "Company", "Description", "FileVersion", "User", "ProcessId",
				"ProcessGuid");
		category("driver_load", "driver_load", List.of(sysmon("6")), Map.of(), "ImageLoaded", "Hashes", "Signed", "Signature",
				"SignatureStatus");

		Map<String, String> source = Map.of("SourceImage", "process.executable");
		category("process_access", "process_access", List.of(sysmon("10")), source, "TargetImage", "GrantedAccess", "CallTrace",
				"SourceUser", "TargetUser", "SourceProcessId", "TargetProcessId", "SourceProcessGUID",
				"TargetProcessGUID", "SourceThreadId");
		category("create_remote_thread", "create_remote_thread", List.of(sysmon("8")), source, "TargetImage", "StartAddress",
				"StartModule", "StartFunction", "SourceUser", "TargetUser", "SourceProcessId", "TargetProcessId",
				"NewThreadId");

		Map<String, String> registry = Map.of("Image", "process.executable");
		String[] registryRaw = { "TargetObject", "Details", "EventType", "NewName", "User", "ProcessId", "ProcessGuid" };
		category("registry_event", "registry_event", List.of(sysmon("12", "13", "14")), registry, registryRaw);
		CATEGORIES.put("registry_add", new LogSource("category registry_add", "registry_event", List.of(sysmon("12")),
				List.of("CreateKey"), registry, Set.of(registryRaw), false));
		CATEGORIES.put("registry_delete", new LogSource("category registry_delete", "registry_event",
				List.of(sysmon("12")), List.of("DeleteKey", "DeleteValue"), registry, Set.of(registryRaw), false));
		category("registry_set", "registry_event", List.of(sysmon("13")), registry, registryRaw);
		category("registry_rename", "registry_event", List.of(sysmon("14")), registry, registryRaw);

		category("pipe_created", "pipe_created", List.of(sysmon("17", "18")),
				Map.of("Image", "process.executable"), "PipeName", "EventType", "User", "ProcessId", "ProcessGuid");
		category("dns_query", "dns_query", List.of(sysmon("22")),
				Map.of("Image", "process.executable", "QueryName", "dns.question.name"), "QueryStatus", "QueryResults",
				"User", "ProcessId", "ProcessGuid");
		category("wmi_event", "wmi_event", List.of(sysmon("19", "20", "21")), Map.of(),
				"EventType", "Operation", "User", "EventNamespace", "Name", "Query", "Type", "Destination", "Consumer",
				"Filter");
		category("ps_script", "powershell", List.of(new Source(Channels.POWERSHELL_OPERATIONAL, List.of("4104"))),
				Map.of("ScriptBlockText", "powershell.file.script_block_text", "Path", "file.path"), "ScriptBlockId",
				"MessageNumber", "MessageTotal");
		category("ps_module", "powershell", List.of(new Source(Channels.POWERSHELL_OPERATIONAL, List.of("4103"))),
				Map.of(), "ContextInfo", "Payload", "UserData");

		service("security", "security", Channels.SECURITY);
		service("system", "system", Channels.SYSTEM);
		service("application", "application", Channels.APPLICATION);
		service("sysmon", "sysmon", Channels.SYSMON);
		service("powershell", "powershell", Channels.POWERSHELL_OPERATIONAL);
		service("powershell-classic", "powershell", Channels.POWERSHELL);
		service("taskscheduler", "task_scheduler", Channels.TASK_SCHEDULER);
		service("wmi", "wmi_event", Channels.WMI_ACTIVITY);
	}

	private WindowsLogSources() {
	}

	/**
	 * The logsource of a detection rule: product windows with a category above, or a service above.
	 * @throws SigmaRefusal "unmapped logsource" otherwise
	 */
	public static LogSource of(SigmaRule rule) {
		String described = "product " + rule.product() + (rule.category() != null ? ", category " + rule.category() : "")
				+ (rule.service() != null ? ", service " + rule.service() : "");
		if (!"windows".equals(rule.product())) {
			throw new SigmaRefusal("unmapped logsource", described + " (only product windows is mapped)");
		}
		LogSource byCategory = rule.category() == null ? null : CATEGORIES.get(rule.category());
		LogSource byService = rule.service() == null ? null : SERVICES.get(rule.service());
		if (rule.category() != null && byCategory == null || rule.service() != null && byService == null
				|| byCategory == null && byService == null) {
			throw new SigmaRefusal("unmapped logsource", described + " has no mapping");
		}
		if (byCategory != null && byService != null) {
			throw new SigmaRefusal("unmapped logsource", described + ": both a category and a service");
		}
		return byCategory != null ? byCategory : byService;
	}

	/** Every mapped category, for documentation and tests. */
	public static Map<String, LogSource> categories() {
		return Map.copyOf(CATEGORIES);
	}

	/** Every mapped service. */
	public static Map<String, LogSource> services() {
		return Map.copyOf(SERVICES);
	}

	private static Source sysmon(String... ids) {
		return new Source(Channels.SYSMON, List.of(ids));
	}

	private static void category(String name, String folder, List<Source> sources, Map<String, String> fields,
			String... raw) {
		CATEGORIES.put(name, new LogSource("category " + name, folder, sources, List.of(), fields, Set.of(raw), false));
	}

	private static void service(String name, String folder, String channel) {
		SERVICES.put(name, new LogSource("service " + name, folder, List.of(new Source(channel, List.of())), List.of(),
				Map.of(), Set.of(), true));
	}
}
