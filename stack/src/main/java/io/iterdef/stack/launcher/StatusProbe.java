package io.iterdef.stack.launcher;

import java.util.function.Supplier;

/** Samples every part of a running Iterdef for the status line. */
final class StatusProbe implements Supplier<Status> {

    private final ReadyCheck kafka;
    private final ElasticsearchCount events;
    private final IncidentStore incidents;
    private final AgentStore agents;
    private final ServiceProcess streams;
    private final ServiceProcess web;
    private final ServiceProcess agentServer;

    StatusProbe(Endpoints endpoints, ServiceProcess streams, ServiceProcess web, ServiceProcess agentServer) {
        this.kafka = ReadyCheck.tcpPort(endpoints.kafkaHost(), endpoints.kafkaPort());
        this.events = new ElasticsearchCount(endpoints.elasticsearchUrl(), "events-*", System.getenv());
        this.incidents = new IncidentStore(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
        this.agents = new AgentStore(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
        this.streams = streams;
        this.web = web;
        this.agentServer = agentServer;
    }

    @Override
    public Status get() {
        return new Status(kafka.isReady(), events.count(), incidents.count(), streams.isAlive(), web.isAlive(),
                agentServer.isAlive(), agents.enrolled());
    }
}
