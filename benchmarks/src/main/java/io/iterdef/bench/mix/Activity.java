package io.iterdef.bench.mix;

import io.iterdef.bench.mix.Templates.Kind;

import java.util.List;
import java.util.Random;

/**
 * What hosts do, drawn at random: mostly benign process starts, network connections and logons; now and then a burst
 * of failed logons (password guessing), an Office document starting PowerShell, an encoded PowerShell command line.
 */
final class Activity {

	static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

	static final String ENCODED = "powershell.exe -nop -w hidden -enc "
			+ "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA";

	static final String SCRIPTED = "powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\ProgramData\\inventory.ps1";

	private static final String EXPLORER = "C:\\Windows\\explorer.exe";

	private static final String OFFICE = "C:\\Program Files\\Microsoft Office\\root\\Office16\\";

	/** Benign process starts: image, command line, parent image. */
	private static final List<String[]> BENIGN = List.of(
			new String[] { "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p",
					"C:\\Windows\\System32\\services.exe" },
			new String[] { "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
					"\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer", EXPLORER },
			new String[] { "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c dir C:\\Users\\Public", EXPLORER },
			new String[] { "C:\\Windows\\System32\\conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1",
					"C:\\Windows\\System32\\cmd.exe" },
			new String[] { "C:\\Windows\\System32\\taskhostw.exe", "taskhostw.exe NGCKeyPregen",
					"C:\\Windows\\System32\\svchost.exe" },
			new String[] { "C:\\Windows\\System32\\gpupdate.exe", "gpupdate.exe /target:computer",
					"C:\\Windows\\System32\\svchost.exe" },
			new String[] { OFFICE + "OUTLOOK.EXE", "\"" + OFFICE + "OUTLOOK.EXE\"", EXPLORER });

	private static final List<String> CONNECTING = List.of(
			"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
			"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe", "C:\\Windows\\System32\\svchost.exe",
			OFFICE + "OUTLOOK.EXE");

	private static final List<String> USERS = List.of("asmith", "cjones", "bwilson", "dlee", "emartin", "fgarcia",
			"administrator", "svc_backup");

	private final Random random;

	private final int hosts;

	private final long span;

	Activity(Random random, int hosts, long span) {
		this.random = random;
		this.hosts = hosts;
		this.span = span;
	}

	/** Adds the events of one activity at a random time on a random host. */
	void next(List<Spec> out, long start) {
		long t = start + (long) (random.nextDouble() * span);
		int host = random.nextInt(hosts);
		double p = random.nextDouble();
		if (p < 0.36) {
			String[] b = pick(BENIGN);
			out.add(Spec.process(t, host, b[0], b[1], b[2]));
		}
		else if (p < 0.62) {
			out.add(Spec.network(t, host, pick(CONNECTING), "142.250." + random.nextInt(256) + "." + random.nextInt(256)));
		}
		else if (p < 0.82) {
			out.add(Spec.logon(Kind.LOGON, t, host, pick(USERS), internalIp()));
		}
		else if (p < 0.88) {
			out.add(Spec.logon(Kind.FAILED_LOGON, t, host, pick(USERS), internalIp()));
		}
		else if (p < 0.895) {
			failedLogonBurst(out, t, host);
		}
		else if (p < 0.94) {
			officeDocument(out, t, host);
		}
		else {
			out.add(Spec.process(t, host, POWERSHELL, random.nextDouble() < 0.25 ? ENCODED : SCRIPTED, EXPLORER));
		}
	}

	/** 6 to 15 failed logons for one account from one address, 5 to 45 s apart: some reach 10 within 5 minutes. */
	private void failedLogonBurst(List<Spec> out, long t, int host) {
		String user = pick(USERS);
		String ip = internalIp();
		int n = 6 + random.nextInt(10);
		for (int i = 0; i < n; i++) {
			out.add(Spec.logon(Kind.FAILED_LOGON, t, host, user, ip));
			t += 5_000 + random.nextInt(40_000);
		}
	}

	/** Word or Excel opens; often PowerShell follows on the same host within 0 to 4 minutes, started by it. */
	private void officeDocument(List<Spec> out, long t, int host) {
		String app = random.nextBoolean() ? "WINWORD.EXE" : "EXCEL.EXE";
		out.add(Spec.process(t, host, OFFICE + app, "\"" + OFFICE + app + "\" /n \"C:\\Users\\Public\\invoice.docm\"",
				EXPLORER));
		if (random.nextDouble() < 0.6) {
			long after = 1_000 + random.nextInt(240_000);
			out.add(Spec.process(t + after, host, POWERSHELL, random.nextBoolean() ? ENCODED : SCRIPTED, OFFICE + app));
		}
	}

	private String internalIp() {
		return "10.20." + random.nextInt(8) + "." + (1 + random.nextInt(250));
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}
}
