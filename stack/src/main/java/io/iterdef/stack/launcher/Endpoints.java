package io.iterdef.stack.launcher;

import io.iterdef.stack.Stack;

/** Where the stack's services are, as the services are told through ITERDEF_* variables. */
record Endpoints(String kafkaBootstrap, String elasticsearchUrl, String jdbcUrl, String dbUser, String dbPassword) {

    static Endpoints of(Stack stack) {
        return new Endpoints(stack.kafkaBootstrap(), stack.elasticsearchUrl(), stack.jdbcUrl(), stack.dbUser(),
                stack.dbPassword());
    }

    /** host:port of the first bootstrap server (without a listener prefix such as SASL_SSL://). */
    String kafkaHost() {
        String first = firstServer();
        int colon = first.lastIndexOf(':');
        String host = colon < 0 ? first : first.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    int kafkaPort() {
        String first = firstServer();
        int colon = first.lastIndexOf(':');
        return colon < 0 ? 9092 : Integer.parseInt(first.substring(colon + 1));
    }

    private String firstServer() {
        String first = kafkaBootstrap.split(",")[0].trim();
        int scheme = first.indexOf("://");
        return scheme < 0 ? first : first.substring(scheme + 3);
    }
}
