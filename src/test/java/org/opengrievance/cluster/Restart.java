package org.opengrievance.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Restarts the machine's PostgreSQL: {@code CLUSTER_PG_RESTART} (a shell command) or, without it, the
 * one Debian cluster under /etc/postgresql with pg_ctlcluster (no systemd in CI). Once per run: other
 * developers' tests on the same server lose their connections for those seconds.
 */
final class Restart {

    final String command;
    final Duration took;

    private Restart(String command, Duration took) {
        this.command = command;
        this.took = took;
    }

    static Restart postgres(ClusterDb db) throws Exception {
        String command = System.getenv("CLUSTER_PG_RESTART");
        if (command == null || command.isBlank()) {
            command = "pg_ctlcluster --skip-systemctl-redirect " + debianCluster() + " restart";
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("'" + command + "' did not finish within 2 minutes");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("'" + command + "' failed (exit " + p.exitValue() + "): " + out);
        }
        Waits.until("PostgreSQL reachable after the restart", Duration.ofMinutes(1),
                () -> db.reachable() ? null : db.url);
        return new Restart(command, Duration.ofNanos(System.nanoTime() - start));
    }

    /** "15 main": the version directory under /etc/postgresql and its cluster, when there is exactly one. */
    private static String debianCluster() throws IOException {
        Path etc = Path.of("/etc/postgresql");
        if (!Files.isDirectory(etc)) {
            throw new AssertionError("no /etc/postgresql: set CLUSTER_PG_RESTART to a command that restarts PostgreSQL");
        }
        try (Stream<Path> versions = Files.list(etc)) {
            var found = versions.filter(v -> Files.isDirectory(v.resolve("main"))).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one PostgreSQL cluster under /etc/postgresql, found " + found
                        + ": set CLUSTER_PG_RESTART");
            }
            return found.get(0).getFileName() + " main";
        }
    }
}
