package org.clusteratlas.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j embedded with only the Bolt connector, bound to 127.0.0.1.
 *
 * The Node side reads stdout: exactly one line "READY bolt://127.0.0.1:PORT" on success,
 * or "ERROR <code> <message>" and a non-zero exit code. Exit codes: 2 bad configuration,
 * 3 port in use, 4 start-up failure.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String host = "127.0.0.1";
        int port;
        try {
            port = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
        } catch (NumberFormatException e) {
            fail(2, "BAD_CONFIG", "NEO4J_BOLT_PORT must be an integer, got '" + env.get("NEO4J_BOLT_PORT") + "'");
            return;
        }
        String password = env.getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            fail(2, "BAD_CONFIG", "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
        }
        Path home = Path.of(env.getOrDefault("NEO4J_DATA_DIR", ".data/neo4j")).toAbsolutePath();
        long txTimeoutMs = Long.parseLong(env.getOrDefault("NEO4J_TX_TIMEOUT_MS", "30000"));
        long pageCacheMb = Long.parseLong(env.getOrDefault("NEO4J_PAGECACHE_MB", "256"));

        // Neo4j would otherwise fail deep inside start-up with a long stack trace.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            fail(3, "PORT_IN_USE", "port " + port + " on " + host + " is already in use; set NEO4J_BOLT_PORT to a free port or stop the other process");
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMillis(txTimeoutMs))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();
        } catch (RuntimeException e) {
            fail(4, "START_FAILED", rootMessage(e));
            return;
        }

        // Embedded transactions run with full rights, so the launcher (which owns this store)
        // sets the password on every start: the password in the environment is always the one that works.
        try {
            // Its own generous timeout: db.transaction.timeout is for client queries, and a
            // busy machine must not turn start-up into a failure.
            dbms.database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password),
                result -> null, Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to itself; that just means it is already right.
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                dbms.shutdown();
                fail(4, "START_FAILED", "could not set the neo4j password: " + rootMessage(e));
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A clean shutdown flushes the page cache and checkpoints, so the store is never left corrupted.
            System.err.println("clusteratlas-neo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(int exitCode, String code, String message) {
        System.out.println("ERROR " + code + " " + message);
        System.out.flush();
        System.exit(exitCode);
    }
}
