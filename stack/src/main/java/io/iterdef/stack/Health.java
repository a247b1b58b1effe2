package io.iterdef.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Health probes: each answers true/false and never throws. */
final class Health {

    private static final Pattern ES_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern ES_PID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    static boolean portOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A broker answers describeCluster with at least one node. */
    static boolean kafka(String bootstrap, Map<String, String> clientProperties) {
        return kafkaClusterId(bootstrap, clientProperties) != null;
    }

    /** The cluster id of the Kafka at {@code bootstrap} when it answers with at least one node, else null. */
    static String kafkaClusterId(String bootstrap, Map<String, String> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "iterdef-stack-health");
        try (Admin admin = Admin.create(props)) {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            if (cluster.nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
                return null;
            }
            return cluster.clusterId().get(4, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** GET /_cluster/health answers status yellow or green. */
    static boolean elasticsearch(String baseUrl, String authorization) {
        String status = elasticsearchStatus(baseUrl, authorization);
        return "green".equals(status) || "yellow".equals(status);
    }

    static String elasticsearchStatus(String baseUrl, String authorization) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(3)).GET();
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return resp.statusCode() == 200 ? parseStatus(resp.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The pid of the Elasticsearch process answering at {@code baseUrl} (GET /_nodes/_local/process), or -1. */
    static long elasticsearchPid(String baseUrl) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/_nodes/_local/process?filter_path=nodes.*.process.id"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            Matcher m = ES_PID.matcher(resp.body());
            return resp.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String parseStatus(String clusterHealthJson) {
        Matcher m = ES_STATUS.matcher(clusterHealthJson == null ? "" : clusterHealthJson);
        return m.find() ? m.group(1) : null;
    }

    /** {@code select 1} succeeds. */
    static boolean database(String jdbcUrl, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        try (Connection c = DriverManager.getConnection(jdbcUrl, props); Statement st = c.createStatement()) {
            return st.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }
}
