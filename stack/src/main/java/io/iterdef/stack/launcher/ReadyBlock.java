package io.iterdef.stack.launcher;

/** The "where is everything" text printed once the services are ready. */
final class ReadyBlock {

    private static final String INDENT = "                 ";

    private ReadyBlock() {
    }

    static String render(LauncherSettings settings, Endpoints endpoints, AdminCredentials admin, AgentAccess agents) {
        String login = admin.generated()
                ? admin.user() + " / " + admin.password() + "   (kept in " + settings.dataDir().resolve(
                        AdminCredentials.FILE_NAME) + ")"
                : admin.user() + " / the password in ITERDEF_ADMIN_PASSWORD";
        return String.join("\n",
                "",
                "Iterdef is ready.",
                "  web            " + settings.webUrl() + "   login: " + login,
                "  elasticsearch  " + endpoints.elasticsearchUrl(),
                "  kafka          " + endpoints.kafkaBootstrap(),
                "  postgresql     " + endpoints.jdbcUrl() + "   (user " + endpoints.dbUser() + ")",
                "  collector      " + settings.collectorEndpoints(),
                "  agent API      " + agents.apiUrl() + "   (HTTPS; admin API on the same port)",
                INDENT + "certificate SHA-256 " + AgentCertificate.display(agents.fingerprint()),
                INDENT + "enrollment secret in " + agents.secrets().enrollmentSecretSource()
                        + ", admin token in " + agents.secrets().adminTokenSource(),
                INDENT + "agent config ready to use: " + agents.properties() + "   (for another host: copy it with "
                        + settings.home().relativize(ServiceCommands.agentJar(settings.home())) + " and lib/)",
                "  logs           " + settings.logDir(),
                "Ctrl-C stops everything.",
                "");
    }
}
