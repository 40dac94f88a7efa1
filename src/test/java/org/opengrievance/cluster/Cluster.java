package org.opengrievance.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The nodes, their database and their mail server. The first node installs the schemas on the fresh
 * database (Camunda's and Flyway's) and creates the users; the second joins when the first is up, as a
 * second node joins an installed production database. Every node started here is stopped in {@link #close}.
 */
final class Cluster implements AutoCloseable {

    static final Http.User ADMIN = new Http.User("admin", "Cluster-Admin-7Qx9-pw");
    static final Http.User INTAKE = new Http.User("clusterintake", "Intake-Cluster-5Rv8-pw");
    static final Http.User RELATIONS = new Http.User("clusterrelations", "Relations-Cluster-3Kp2-pw");
    /** Low, so that the jobs a killed node had locked are taken over within seconds (production: 5 minutes). */
    static final int LOCK_TIME_MILLIS = 15_000;

    final ClusterDb db;
    final GreenMail greenMail;
    final Mailbox mailbox;
    final ZoneId facilityZone = noonZone();
    final Http http = new Http();
    private final String dbUser;
    private final String dbPassword;
    private final Path jar;
    private final Path logs;
    private final List<Node> started = new ArrayList<>();
    Node a;
    Node b;

    private Cluster(String dbUrl, String dbUser, String dbPassword, Path jar, Path logs) {
        this.db = new ClusterDb(dbUrl, dbUser, dbPassword);
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.jar = jar;
        this.logs = logs;
        this.greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.mailbox = new Mailbox(greenMail);
    }

    static Cluster fromEnvironment() {
        String url = System.getenv("CLUSTER_DB_URL");
        if (url == null || url.isBlank()) {
            throw new AssertionError("CLUSTER_DB_URL (with CLUSTER_DB_USER, CLUSTER_DB_PASSWORD) must name an empty"
                    + " PostgreSQL database for the cluster scenarios, e.g. jdbc:postgresql://127.0.0.1:5432/cluster_ci");
        }
        Path jar = Path.of(System.getProperty("cluster.jar", "target/grievance-engine-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no application jar at " + jar + ": run ./mvnw package (or verify -Pcluster)");
        }
        return new Cluster(url, System.getenv().getOrDefault("CLUSTER_DB_USER", "postgres"),
                System.getenv().getOrDefault("CLUSTER_DB_PASSWORD", ""), jar,
                Path.of(System.getProperty("cluster.logs", "target/cluster")));
    }

    Cluster start() throws Exception {
        long tables = db.tablesInSchema();
        if (tables != 0) {
            throw new AssertionError(db.url + " is not empty (" + tables + " tables): the scenarios need a fresh database");
        }
        greenMail.start();
        a = startNode("node-a", true).awaitStarted();
        createUsers();
        b = startNode("node-b", false).awaitStarted();
        System.out.println("[cluster] facility zone " + facilityZone + "; node-a :" + a.port + " (pid " + a.pid()
                + "), node-b :" + b.port + " (pid " + b.pid() + "); SMTP :" + greenMail.getSmtp().getPort()
                + "; logs in " + logs);
        return this;
    }

    Node startNode(String name, boolean firstInstall) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("GRIEVANCE_DB_URL", db.url);
        env.put("GRIEVANCE_DB_USER", dbUser);
        env.put("GRIEVANCE_DB_PASSWORD", dbPassword);
        // the explicit first-install switch (creates the engine's schema); harmless where it is not known yet,
        // where camunda.bpm.database.schema-update still creates it on every start
        env.put("GRIEVANCE_DB_FIRST_INSTALL", Boolean.toString(firstInstall));
        env.put("GRIEVANCE_ADMIN_PASSWORD", ADMIN.password());
        env.put("GRIEVANCE_FOLLOW_UP_DAYS", "30");
        env.put("GRIEVANCE_QIO_NAME", "Cluster Test BFCC-QIO");
        env.put("GRIEVANCE_QIO_PHONE", "(555) 010-0300");
        env.put("GRIEVANCE_QIO_ADDRESS", "1 Test Way, Test City");
        env.put("GRIEVANCE_SMTP_HOST", "127.0.0.1");
        env.put("GRIEVANCE_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()));
        env.put("GRIEVANCE_MAIL_FROM", "patient.relations@cluster.example.org");
        env.put("GRIEVANCE_FACILITY_ZONE", facilityZone.getId());
        env.put("GRIEVANCE_PLAN_ZONE", facilityZone.getId());
        Node node = Node.start(name, jar, logs, env, List.of(
                "--spring.profiles.active=postgres",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                // an idle executor looks again within 3 s (default: backs off up to 60 s)
                "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                "--camunda.bpm.job-execution.max-wait=3000",
                // ACT_HI_JOB_LOG.HOSTNAME_ then names the node that ran each job
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        started.add(node);
        return node;
    }

    /**
     * The postgres profile creates only the administrator: intake and patient relations come from engine-rest
     * (user ids are letters and digits only: the engine's default user id pattern).
     */
    private void createUsers() throws IOException {
        String engine = a.base() + "/engine-rest";
        for (String group : List.of("intake", "patient-relations")) {
            expect204("group " + group, http.post(engine + "/group/create", ADMIN,
                    Http.write(Map.of("id", group, "name", group, "type", "WORKFLOW")), Map.of()));
        }
        for (Http.User user : List.of(INTAKE, RELATIONS)) {
            expect204("user " + user.id(), http.post(engine + "/user/create", ADMIN, Http.write(Map.of(
                    "profile", Map.of("id", user.id(), "firstName", "Cluster", "lastName", user.id(),
                            "email", user.id() + "@cluster.example.org"),
                    "credentials", Map.of("password", user.password()))), Map.of()));
        }
        expect204("intake membership", http.put(engine + "/group/intake/members/" + INTAKE.id(), ADMIN));
        expect204("patient-relations membership",
                http.put(engine + "/group/patient-relations/members/" + RELATIONS.id(), ADMIN));
    }

    private static void expect204(String what, Http.Answer a) {
        if (a.status() != 204) {
            throw new AssertionError("creating " + what + " as the administrator: " + a);
        }
    }

    Node[] nodes() {
        return new Node[] {a, b};
    }

    @Override
    public void close() throws Exception {
        for (Node n : started) {
            n.close();
        }
        greenMail.stop();
    }

    /**
     * A fixed-offset zone (no daylight saving) where it is between 12:00 and 13:00 now: the clocks count
     * calendar days in the facility's zone, and midday keeps every timer instant hours away from now.
     */
    static ZoneId noonZone() {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = 12 - utcHour; // -11 .. +12, all real Etc/GMT zones
        if (offset == 0) {
            return ZoneId.of("Etc/GMT");
        }
        // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+03:00
        return ZoneId.of("Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static int freePort() {
        try {
            return Node.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
