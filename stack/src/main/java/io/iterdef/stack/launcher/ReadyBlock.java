package io.iterdef.stack.launcher;

/** The "where is everything" text printed once the services are ready. */
final class ReadyBlock {

    private ReadyBlock() {
    }

    static String render(LauncherSettings settings, Endpoints endpoints, AdminCredentials admin) {
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
                "  logs           " + settings.logDir(),
                "Ctrl-C stops everything.",
                "");
    }
}
