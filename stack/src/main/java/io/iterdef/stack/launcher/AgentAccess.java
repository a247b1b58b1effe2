package io.iterdef.stack.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an agent needs to reach the running agent server, for the ready block and the agent.properties the launcher
 * writes next to the other secrets of the data dir.
 *
 * @param fingerprint  SHA-256 of the server certificate (what agents pin)
 * @param properties   a ready-to-use agent configuration for another machine
 */
record AgentAccess(URI apiUrl, String fingerprint, AgentSecrets secrets, Path properties) {

    static final String PROPERTIES_FILE = "agent.properties";
    static final String DEPLOY_STATE_DIR = "/var/lib/iterdef-agent";

    /** Reads the certificate's fingerprint and writes data/agent.properties for agents on other machines. */
    static AgentAccess prepare(LauncherSettings settings, AgentSecrets secrets) throws IOException {
        AgentSettings agent = settings.agent();
        String fingerprint = AgentCertificate.fingerprint(agent, settings.dataDir());
        Path file = settings.dataDir().resolve(PROPERTIES_FILE);
        URI serverUrl = URI.create("https://" + thisHost() + ":" + agent.port());
        new AgentProperties(serverUrl, fingerprint, secrets.enrollmentSecret(), Path.of(DEPLOY_STATE_DIR), null,
                null).write(file, String.join("\n",
                        "Iterdef agent configuration, written by ./iterdef up for the agent server of " + serverUrl + ".",
                        "Copy it to the host (e.g. /etc/iterdef/agent.properties, readable by the agent's user only) and",
                        "run: sh iterdef-agent.sh /etc/iterdef/agent.properties (next to iterdef-agent.jar and lib/)",
                        "Change server.url if agents reach this server by another name or address; state.dir",
                        "must be writable by the agent (Windows e.g. C:\\\\ProgramData\\\\Iterdef\\\\agent).",
                        "Optional: labels=site=fra,role=dc for hunts, update.public.key=<the release key> for",
                        "agent.update (without it updates are refused)."));
        return new AgentAccess(agent.apiUrl(), fingerprint, secrets, file);
    }

    /** This machine's name as other machines would reach it (its certificate names it too), else 127.0.0.1. */
    static String thisHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return name.isBlank() ? "127.0.0.1" : name;
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
