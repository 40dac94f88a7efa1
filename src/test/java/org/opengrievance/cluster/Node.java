package org.opengrievance.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node: the packaged application jar in its own JVM ({@code java -jar}) on a free port, its output in
 * a log file under target/cluster/. Killed with SIGKILL for the crash scenario; always stopped at the end.
 */
final class Node implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with the environment and arguments given; returns at once (see {@link #awaitStarted}). */
    static Node start(String name, Path jar, Path logDir, Map<String, String> env, List<String> args) throws IOException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: two nodes share two cores with the build
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // only what the scenario sets: nothing of the developer's own GRIEVANCE_/SPRING_ settings
        builder.environment().keySet().removeIf(k -> k.startsWith("GRIEVANCE_") || k.startsWith("SPRING_")
                || k.startsWith("CAMUNDA_") || k.startsWith("TEST_DATASOURCE_"));
        builder.environment().putAll(env);
        Node node = new Node(name, port, log, builder.start());
        Runtime.getRuntime().addShutdownHook(new Thread(node::killQuietly, "stop-" + name));
        return node;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits, bounded, for Spring Boot's "Started" line; a node that stops or hangs fails with its log's tail. */
    Node awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains("Started GrievanceApplication")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped during start-up (exit " + process.exitValue() + "); "
                        + log + ":\n" + tail(out));
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not start within " + START_TIMEOUT + "; " + log + ":\n"
                + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    /** kill -9: no shutdown hook, no graceful close of connections or job locks. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void killQuietly() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String tail(String out) {
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
