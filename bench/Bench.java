import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of docs/performance.md: starts the packaged application as a child process, drives it over HTTP
 * (java.net.http only: this file runs on the JDK alone, {@code java bench/Bench.java key=value ...}), prints a
 * table with the configuration beside each figure and writes it as JSON and CSV. A measurement, not a test:
 * nothing here has a time limit or runs in CI. See bench/run.sh for the usual invocation and the options.
 */
public class Bench {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Map<String, String> OPT = new LinkedHashMap<>();
    static HttpClient client;
    static String base;
    static final List<Row> ROWS = Collections.synchronizedList(new ArrayList<>());
    static Process app;
    static Path out;
    static final AtomicLong CALLS = new AtomicLong();
    static boolean failed;

    /** One figure: ours beside its reference (ref may be null), with the configuration it ran under. */
    record Row(String section, String metric, String unit, String ours, double oursValue, String ref, Double refValue,
            String config) {
        /** The cost ratio, ours over the reference: time over time, or for a rate the reference's over ours. */
        Double ratio() {
            if (refValue == null || refValue == 0 || oursValue == 0) {
                return null;
            }
            return unit.endsWith("/s") ? refValue / oursValue : oursValue / refValue;
        }
    }

    record Answer(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        OPT.putAll(Map.of("db", "h2", "port", "18089", "jar", "target/grievance-engine-0.1.0-SNAPSHOT.jar",
                "out", "target/bench", "sections", "e,a,b", "conc", "1,8,32", "rounds", "3", "requests", "60",
                "lifecycles", "12", "lifecycleConc", "4"));
        OPT.putAll(Map.of("pgUrl", "jdbc:postgresql://127.0.0.1:5432/grievance_bench", "pgUser", "postgres",
                "audit", "10000", "auditReps", "20", "timersOpen", "1000", "timersDue", "500"));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("options are key=value: " + a);
            }
            OPT.put(a.substring(0, eq), a.substring(eq + 1));
        }
        out = Path.of(OPT.get("out"));
        Files.createDirectories(out);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r);
                    t.setDaemon(true);
                    return t;
                })).build();
        base = "http://127.0.0.1:" + OPT.get("port");
        List<String> sections = Arrays.asList(OPT.get("sections").split(","));
        System.out.println("bench: " + OPT + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Instant.now());
        try {
            if (sections.contains("e") || sections.contains("a") || sections.contains("b")) {
                startApp(List.of(), true);
                deployFloor();
                warmUp();
                if (sections.contains("a")) {
                    intake();
                }
                if (sections.contains("b")) {
                    lifecycle();
                }
                if (sections.contains("e")) {
                    rss("after the lifecycle run (and everything before it)");
                }
                stopApp();
            }
            if (sections.contains("s")) {
                SqlCount.run();
            }
            if (sections.contains("c")) {
                Deadlines.run();
            }
            if (sections.contains("d")) {
                Audit.run();
            }
        } catch (Exception e) {
            e.printStackTrace();
            failed = true;
        } finally {
            stopApp();
            write();
        }
        System.exit(failed ? 1 : 0);
    }

    static String db() {
        return OPT.get("db");
    }

    // ---------------------------------------------------------------- the application

    static List<String> appArgs(boolean fresh) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", OPT.get("jar"), "--server.port=" + OPT.get("port"),
                "--spring.profiles.active=demo",
                // the demo's users and this month's cases, not its eleven past months (DemoHistory moves the
                // application's clock while it writes them, and would be counted in the start-up figure)
                "--grievance.demo.history=false"));
        if (db().equals("postgres")) {
            cmd.addAll(List.of("--spring.datasource.url=" + OPT.get("pgUrl"),
                    "--spring.datasource.username=" + OPT.get("pgUser"), "--spring.datasource.password=",
                    "--grievance.demo.on-any-database=true"));
        } else {
            Path h2 = out.resolve("h2").toAbsolutePath();
            if (fresh) {
                deleteTree(h2);
            }
            cmd.add("--spring.datasource.url=jdbc:h2:file:" + h2.resolve("grievance"));
        }
        return cmd;
    }

    /** Starts the app; the start-up figure is from the process start to /actuator/health answering UP. */
    static double startApp(List<String> extra, boolean fresh) throws Exception {
        return startApp(extra, fresh, extra.isEmpty());
    }

    /** Starts the app's process and returns at once (c: the firings begin before the health check answers). */
    static void launch(List<String> extra, boolean fresh) throws IOException {
        List<String> cmd = appArgs(fresh);
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("app.log").toFile()));
        app = pb.start();
    }

    /** Whether the app answers UP now. */
    static boolean up() {
        return up("/actuator/health");
    }

    /** Whether a health endpoint answers UP now (c: liveness is the start-up, health waits for the backlog). */
    static boolean up(String path) {
        try {
            Answer h = call(null, "GET", path, null);
            return h.status() == 200 && h.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    static double startApp(List<String> extra, boolean fresh, boolean record) throws Exception {
        long t0 = System.nanoTime();
        launch(extra, fresh);
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped; see " + out.resolve("app.log"));
            }
            try {
                Answer h = call(null, "GET", "/actuator/health", null);
                if (h.status() == 200 && h.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 300_000_000_000L) {
                throw new IllegalStateException("not UP after 300 s");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "app pid %d UP after %.1f s (%s)%n", app.pid(), seconds, extra);
        if (record) {
            row("e", "start-up: process start to /actuator/health UP", "s", "grievance app", seconds, null, null,
                    (fresh ? "empty database" : "existing database") + ", demo profile");
            rss("after start");
        }
        return seconds;
    }

    static void rss(String when) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                double mb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                row("e", "RSS " + when, "MB", "grievance app", mb, null, null, "JVM defaults (no -Xmx), /proc/<pid>/status VmRSS");
            }
        }
    }

    static void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
                app.waitFor();
            }
        }
        app = null;
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    static Answer call(String user, String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "*/*");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            CALLS.incrementAndGet();
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static Answer ok(String user, String method, String path, String body) throws IOException {
        Answer a = call(user, method, path, body);
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + a.status() + " " + a.body());
        }
        return a;
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The first value of "key" in a JSON text (this file has no JSON library: the answers are simple). */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)")
                .matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1).trim();
    }

    static List<String> all(String json, String key) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    static String patient() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder("Bench ");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        s.append((char) ('A' + r.nextInt(26)));
        for (int i = 0; i < 9; i++) {
            s.append(letters.charAt(r.nextInt(26)));
        }
        return s.toString();
    }

    static String nowChicago() {
        return OffsetDateTime.now(CHICAGO).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---------------------------------------------------------------- the three starts

    static final String COMPLAINT = "The call bell went unanswered for forty minutes.";

    static String intakeBody(String receivedAt) {
        return "{\"channel\":\"LETTER\",\"receivedAt\":" + q(receivedAt) + ",\"patientName\":" + q(patient())
                + ",\"complaintText\":" + q(COMPLAINT) + ",\"serviceArea\":\"NURSING\",\"responseRequested\":false,"
                + "\"preferredLanguage\":\"en\"}";
    }

    static String engineStartBody(String receivedAt) {
        return "{\"variables\":{\"channel\":{\"value\":\"LETTER\"},\"receivedAt\":{\"value\":" + q(receivedAt)
                + "},\"patientName\":{\"value\":" + q(patient()) + "},\"complaintText\":{\"value\":" + q(COMPLAINT)
                + "},\"serviceArea\":{\"value\":\"NURSING\"},\"responseRequested\":{\"value\":false},"
                + "\"preferredLanguage\":{\"value\":\"en\"}}}";
    }

    static String floorStartBody(int steps, String businessKey) {
        return "{" + (businessKey == null ? "" : "\"businessKey\":" + q(businessKey) + ",")
                + "\"variables\":{\"steps\":{\"value\":" + steps + ",\"type\":\"Integer\"},\"done\":{\"value\":0,"
                + "\"type\":\"Integer\"},\"step\":{\"value\":\"first\"},\"dueAt\":{\"value\":"
                + q(engineDate(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7))) + ",\"type\":\"Date\"}}}";
    }

    /** A Date variable's value as engine-rest reads it. */
    static String engineDate(OffsetDateTime at) {
        return at.truncatedTo(ChronoUnit.MILLIS)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    }

    enum Target {
        OURS("POST /api/grievances (irene, intake)"),
        ENGINE("POST /engine-rest/process-definition/key/grievance/start, same variables (irene)"),
        FLOOR("POST /engine-rest/process-definition/key/benchOneTask/start (admin)");

        final String label;

        Target(String label) {
            this.label = label;
        }

        void send() throws IOException {
            String received = nowChicago();
            switch (this) {
                case OURS -> ok("irene", "POST", "/api/grievances", intakeBody(received));
                case ENGINE -> ok("irene", "POST", "/engine-rest/process-definition/key/grievance/start",
                        engineStartBody(received));
                case FLOOR -> ok("admin", "POST", "/engine-rest/process-definition/key/benchOneTask/start",
                        floorStartBody(1, null));
            }
        }
    }

    static void deployFloor() throws IOException {
        deploy("bench-one-task", List.of("bench-one-task.bpmn", "bench-task.form"));
    }

    /** Deploys bench-only files from bench/ over engine-rest as the administrator, through the deployment guard. */
    static void deploy(String name, List<String> files) throws IOException {
        String boundary = "----bench" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("deployment-name", name);
        parts.put("enable-duplicate-filtering", "true");
        parts.put("deployment-source", "bench");
        for (var p : parts.entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(p.getKey())
                    .append("\"\r\n\r\n").append(p.getValue()).append("\r\n");
        }
        for (String file : files) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file)
                    .append("\"; filename=\"").append(file).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append(Files.readString(Path.of("bench", file))).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo-admin".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> a = client.send(r, HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() != 200) {
                throw new IllegalStateException("deploying the bench process: " + a.statusCode() + " " + a.body());
            }
            System.out.println("deployed " + String.join(" + ", files) + " through the deployment guard");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    static void warmUp() throws Exception {
        for (Target t : Target.values()) {
            load(4, 20, i -> () -> t.send());
        }
        for (int i = 0; i < 2; i++) {
            ourLifecycle();
            floorLifecycle(8);
        }
        System.out.println("warmed up");
    }

    interface Work {
        void run() throws Exception;
    }

    record Load(double seconds, long[] latenciesNanos, int errors) {
    }

    /** n units of work on c threads; the latency of each and the wall time of all. */
    static Load load(int c, int n, IntFunction<Work> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] lat = new long[n];
        List<Future<?>> fs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < c; t++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    try {
                        work.apply(i).run();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("  error: " + e.getMessage());
                        }
                    }
                    lat[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Load(seconds, lat, errors.get());
    }

    static double pct(List<Long> lat, double p) {
        List<Long> s = new ArrayList<>(lat);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }

    static void intake() throws Exception {
        int rounds = Integer.parseInt(OPT.get("rounds"));
        int n = Integer.parseInt(OPT.get("requests"));
        for (String cs : OPT.get("conc").split(",")) {
            int c = Integer.parseInt(cs);
            Map<Target, List<Long>> lat = new LinkedHashMap<>();
            Map<Target, double[]> secs = new LinkedHashMap<>();
            Map<Target, Integer> errs = new LinkedHashMap<>();
            for (Target t : Target.values()) {
                lat.put(t, new ArrayList<>());
                secs.put(t, new double[rounds]);
                errs.put(t, 0);
            }
            for (int r = 0; r < rounds; r++) {
                // alternating: each round starts with another target
                List<Target> order = new ArrayList<>(List.of(Target.values()));
                Collections.rotate(order, -r);
                for (Target t : order) {
                    Load l = load(c, n, i -> () -> t.send());
                    for (long x : l.latenciesNanos()) {
                        lat.get(t).add(x);
                    }
                    secs.get(t)[r] = l.seconds();
                    errs.merge(t, l.errors(), Integer::sum);
                    System.out.printf(Locale.ROOT, "  a c=%d round %d %-6s %6.1f/s%n", c, r + 1, t, n / l.seconds());
                }
            }
            String config = "concurrency " + c + ", " + rounds + " alternating rounds x " + n + " requests"
                    + ", history full, errors ours/engine/floor " + errs.values();
            double[] tp = new double[3];
            double[] p50 = new double[3];
            double[] p99 = new double[3];
            String[] range = new String[3];
            int k = 0;
            for (Target t : Target.values()) {
                double total = Arrays.stream(secs.get(t)).sum();
                tp[k] = rounds * n / total;
                p50[k] = pct(lat.get(t), 50);
                p99[k] = pct(lat.get(t), 99);
                range[k] = String.format(Locale.ROOT, "%.1f-%.1f/s", n / Arrays.stream(secs.get(t)).max().orElse(1),
                        n / Arrays.stream(secs.get(t)).min().orElse(1));
                k++;
            }
            row("a", "intake throughput c=" + c + " vs grievance start", "starts/s", Target.OURS.label + " " + range[0],
                    tp[0], Target.ENGINE.label + " " + range[1], tp[1], config);
            row("a", "intake throughput c=" + c + " vs one-task start", "starts/s", Target.OURS.label, tp[0],
                    Target.FLOOR.label + " " + range[2], tp[2], config);
            row("a", "intake p50 c=" + c + " vs grievance start", "ms", Target.OURS.label, p50[0], Target.ENGINE.label,
                    p50[1], config);
            row("a", "intake p50 c=" + c + " vs one-task start", "ms", Target.OURS.label, p50[0], Target.FLOOR.label,
                    p50[2], config);
            row("a", "intake p99 c=" + c + " vs grievance start", "ms", Target.OURS.label, p99[0], Target.ENGINE.label,
                    p99[1], config);
            row("a", "intake p99 c=" + c + " vs one-task start", "ms", Target.OURS.label, p99[0], Target.FLOOR.label,
                    p99[2], config);
        }
    }

    // ---------------------------------------------------------------- lifecycles

    record Step(String task, String user, Map<String, Object> values) {
    }

    static List<Step> steps() {
        return List.of(
                new Step("confirmClassification", "irene", Map.of("classification", "GRIEVANCE")),
                new Step("acknowledgeReceipt", "paula", Map.of("acknowledgedVia", "PHONE")),
                new Step("gatherFindings", "ivan", Map.of("findings", "Tray line delayed by a broken cart.",
                        "stepsTaken", "Interviewed staff and the patient.", "issue1", "Meals arrived cold")),
                new Step("codeIssue", "ivan", Map.of("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1",
                        "harmLevel", "0")),
                new Step("draftResponse", "paula", Map.of("answer1", "We replaced the broken cart on the tray line.",
                        "patientStepsText", "We spoke with the kitchen and the nursing staff on your floor.",
                        "responseDraft", "Your concern was substantiated; the cart was replaced.",
                        "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                        "contactPhone", "(555) 010-0100", "responseChannel", "MAIL")),
                new Step("approveResponse", "diana", Map.of("approvalDecision", "APPROVE")),
                new Step("printAndMailLetter", "paula", Map.of("mailedAt", "NOW")),
                new Step("closeGrievance", "paula", Map.of("closureReason", "RESOLVED")));
    }

    /** One case from intake to closure over HTTP as staff: returns the number of HTTP calls it took. */
    static int ourLifecycle() throws Exception {
        return ourLifecycle(nowChicago());
    }

    static int ourLifecycle(String receivedAt) throws Exception {
        int calls = 1;
        String created = ok("irene", "POST", "/api/grievances", intakeBody(receivedAt)).body();
        String caseNumber = field(created, "caseNumber");
        for (Step s : steps()) {
            calls += work(s.user(), "processInstanceBusinessKey=" + caseNumber, s.task(), s.values());
        }
        return calls;
    }

    /** The floor's lifecycle: the one-task process, its task taken steps times with the same kinds of calls. */
    static int floorLifecycle(int steps) throws Exception {
        String key = "B-" + System.nanoTime() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        ok("admin", "POST", "/engine-rest/process-definition/key/benchOneTask/start", floorStartBody(steps, key));
        int calls = 1;
        for (int i = 1; i <= steps; i++) {
            calls += work("admin", "processInstanceBusinessKey=" + key, "benchTask",
                    Map.of("done", i, "note", "step " + i));
        }
        return calls;
    }

    /**
     * What Tasklist does for one task: finds it, claims it unless it is the person's already, reads its form and
     * what the form shows, submits every field (the read-only ones with what they show). Returns the calls made.
     */
    static int work(String user, String query, String taskKey, Map<String, Object> values) throws Exception {
        int calls = 0;
        String list = "[]";
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            // some tasks come after a job (a letter is prepared asynchronously): ask again until it is there
            list = ok(user, "GET", "/engine-rest/task?" + query + "&taskDefinitionKey=" + taskKey, null).body();
            calls++;
            if (list.contains("\"id\"")) {
                break;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no task " + taskKey + " for " + query);
            }
            Thread.sleep(50);
        }
        String id = field(list, "id");
        String assignee = field(list, "assignee");
        if (!user.equals(assignee)) {
            ok(user, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":" + q(user) + "}");
            calls++;
        }
        String form = ok(user, "GET", "/engine-rest/task/" + id + "/deployed-form", null).body();
        String shown = ok(user, "GET", "/engine-rest/task/" + id + "/form-variables", null).body();
        calls += 2;
        StringBuilder vars = new StringBuilder("{\"variables\":{");
        boolean first = true;
        for (String k : readonlyKeys(form)) {
            if (values.containsKey(k)) {
                continue;
            }
            String v = shownValue(shown, k);
            if (v != null) {
                vars.append(first ? "" : ",").append(q(k)).append(":{\"value\":").append(v).append("}");
                first = false;
            }
        }
        for (var e : values.entrySet()) {
            // a mailing date: now, to the millisecond (not before the approval, not in the future)
            Object v = "NOW".equals(e.getValue())
                    ? OffsetDateTime.now(CHICAGO).truncatedTo(ChronoUnit.MILLIS).toString() : e.getValue();
            vars.append(first ? "" : ",").append(q(e.getKey())).append(":{\"value\":")
                    .append(v instanceof String s ? q(s) : String.valueOf(v)).append("}");
            first = false;
        }
        vars.append("}}");
        Answer done = call(user, "POST", "/engine-rest/task/" + id + "/complete", vars.toString());
        calls++;
        if (done.status() != 204 && values.containsValue("NOW")) {
            // refused (the app answers 500 here): try once more with the next full second
            System.out.println("  " + taskKey + " answered " + done.status() + "; once more with the next second");
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
            done = call(user, "POST", "/engine-rest/task/" + id + "/complete",
                    vars.toString().replaceAll("\"mailedAt\":\\{\"value\":\"[^\"]*\"", "\"mailedAt\":{\"value\":\""
                            + nowChicago() + "\""));
            calls++;
        }
        if (done.status() != 204) {
            throw new IllegalStateException(taskKey + ": " + done.status() + " " + done.body());
        }
        return calls;
    }

    /** The keys of read-only components in a Camunda Form's JSON (flat scan: components carry key and readonly). */
    static List<String> readonlyKeys(String form) {
        List<String> keys = new ArrayList<>();
        // each component object: {...} without nested braces for the simple fields the forms use
        Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(form.replaceAll("\"layout\"\\s*:\\s*\\{[^{}]*\\}", "\"layout\":0"));
        while (m.find()) {
            String c = m.group();
            if (c.matches("(?s).*\"readonly\"\\s*:\\s*true.*")) {
                String k = field(c, "key");
                if (k != null) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** The JSON value a form-variables answer shows for this key (null when absent or null). */
    static String shownValue(String shown, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key)
                + "\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"value\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)")
                .matcher(shown);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1).trim();
        return v.equals("null") ? null : v;
    }

    static void lifecycle() throws Exception {
        int rounds = Integer.parseInt(OPT.get("rounds"));
        int m = Integer.parseInt(OPT.get("lifecycles"));
        int c = Integer.parseInt(OPT.get("lifecycleConc"));
        int perRound = Math.max(1, m / rounds);
        List<Long> ours = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        double oursSecs = 0;
        double floorSecs = 0;
        AtomicLong oursCalls = new AtomicLong();
        AtomicLong floorCalls = new AtomicLong();
        int steps = steps().size();
        int errors = 0;
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean oursNow = (side + r) % 2 == 0;
                Load l = load(c, perRound, i -> () -> {
                    if (oursNow) {
                        oursCalls.addAndGet(ourLifecycle());
                    } else {
                        floorCalls.addAndGet(floorLifecycle(steps));
                    }
                });
                errors += l.errors();
                for (long x : l.latenciesNanos()) {
                    (oursNow ? ours : floor).add(x);
                }
                if (oursNow) {
                    oursSecs += l.seconds();
                } else {
                    floorSecs += l.seconds();
                }
                System.out.printf(Locale.ROOT, "  b round %d %s %.2f lifecycles/s%n", r + 1, oursNow ? "ours " : "floor",
                        perRound / l.seconds());
            }
        }
        int n = perRound * rounds;
        String config = n + " lifecycles each side, " + rounds + " alternating rounds, concurrency " + c + ", " + db()
                + ", history level full, errors " + errors + "; HTTP calls per lifecycle ours "
                + String.format(Locale.ROOT, "%.1f", oursCalls.get() / (double) n) + ", floor "
                + String.format(Locale.ROOT, "%.1f", floorCalls.get() / (double) n);
        String oursLabel = "intake + " + steps + " tasks claimed and completed with their forms over engine-rest";
        String floorLabel = "benchOneTask: start + its task " + steps + " times, same calls (admin)";
        row("b", "lifecycles per second", "lifecycles/s", oursLabel, n / oursSecs, floorLabel, n / floorSecs, config);
        row("b", "lifecycle p50", "ms", oursLabel, pct(ours, 50), floorLabel, pct(floor, 50), config);
        row("b", "lifecycle p99", "ms", oursLabel, pct(ours, 99), floorLabel, pct(floor, 99), config);
    }

    // ---------------------------------------------------------------- output

    static void row(String section, String metric, String unit, String ours, double oursValue, String ref,
            Double refValue, String config) {
        Row r = new Row(section, metric, unit, ours, oursValue, ref, refValue, config + " [" + db() + "]");
        ROWS.add(r);
        System.out.printf(Locale.ROOT, "%s | %s | %.2f %s%s%n", section, metric, oursValue, unit,
                refValue == null ? "" : String.format(Locale.ROOT, " vs %.2f (ratio %.2f)", refValue, r.ratio()));
    }

    static void write() throws IOException {
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder table = new StringBuilder();
        StringBuilder csv = new StringBuilder("section,metric,unit,ours,ours_value,reference,reference_value,ratio,config\n");
        StringBuilder json = new StringBuilder("{\"finished\":" + q(stamp) + ",\"options\":{");
        boolean first = true;
        for (var e : OPT.entrySet()) {
            json.append(first ? "" : ",").append(q(e.getKey())).append(":").append(q(e.getValue()));
            first = false;
        }
        json.append("},\"rows\":[");
        table.append(String.format(Locale.ROOT, "%-3s %-52s %12s %12s %7s  %s%n", "", "figure", "ours", "reference",
                "cost x", "configuration"));
        first = true;
        for (Row r : ROWS) {
            String ratio = r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio());
            String ref = r.refValue() == null ? "" : String.format(Locale.ROOT, "%.2f", r.refValue());
            table.append(String.format(Locale.ROOT, "%-3s %-52s %12s %12s %7s  %s%n", r.section(), r.metric() + " (" + r.unit() + ")",
                    String.format(Locale.ROOT, "%.2f", r.oursValue()), ref, ratio, r.config()));
            csv.append(String.join(",", csvCell(r.section()), csvCell(r.metric()), csvCell(r.unit()), csvCell(r.ours()),
                    String.format(Locale.ROOT, "%.3f", r.oursValue()), csvCell(r.ref() == null ? "" : r.ref()), ref, ratio,
                    csvCell(r.config()))).append('\n');
            json.append(first ? "" : ",").append("{\"section\":").append(q(r.section())).append(",\"metric\":")
                    .append(q(r.metric())).append(",\"unit\":").append(q(r.unit())).append(",\"ours\":").append(q(r.ours()))
                    .append(",\"oursValue\":").append(String.format(Locale.ROOT, "%.3f", r.oursValue()))
                    .append(",\"reference\":").append(r.ref() == null ? "null" : q(r.ref())).append(",\"referenceValue\":")
                    .append(r.refValue() == null ? "null" : String.format(Locale.ROOT, "%.3f", r.refValue()))
                    .append(",\"ratio\":").append(ratio.isEmpty() ? "null" : ratio).append(",\"config\":")
                    .append(q(r.config())).append("}");
            first = false;
        }
        json.append("]}\n");
        // each run its own files (bench-<db>-<finished>), and the latest run of each database under bench-<db>
        String name = "bench-" + db();
        String own = name + "-" + stamp.replace(":", "");
        for (String n : List.of(name, own)) {
            Files.writeString(out.resolve(n + ".json"), json);
            Files.writeString(out.resolve(n + ".csv"), csv);
            Files.writeString(out.resolve(n + ".txt"), "bench " + OPT + "\nfinished " + stamp + "\n\n" + table);
        }
        System.out.println();
        System.out.print(table);
        System.out.println("written: " + out.resolve(name + ".json") + ", .csv, .txt");
    }

    static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    // ---------------------------------------------------------------- d and c

    static String psql(String database, String sql) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", OPT.getOrDefault("pgHost", "127.0.0.1"), "-U", OPT.get("pgUser"),
                "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql).redirectErrorStream(true);
        pb.environment().put("PGOPTIONS", "-c client_min_messages=warning");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql: " + text);
        }
        return text;
    }

    /** d: the auditor's queries at growing numbers of generated closed cases (PostgreSQL only). */
    static final class Audit {

        static final String DB = OPT.get("pgUrl").replaceAll(".*/", "") + "_audit";

        record Query(String name, IntFunction<String> path) {
        }

        static void run() throws Exception {
            if (!db().equals("postgres")) {
                System.out.println("d: skipped, the generator is PostgreSQL SQL (bench/run.sh postgres)");
                return;
            }
            String main = OPT.get("pgUrl");
            OPT.put("pgUrl", main.replaceAll("/[^/]+$", "/" + DB));
            try {
                startApp(List.of(), true);
                int templates = Integer.parseInt(OPT.getOrDefault("auditTemplates", "4"));
                for (int i = 0; i < templates; i++) {
                    // the templates: real lifecycles, received 6 to 66 hours before (durations not zero, no deadline passed)
                    ourLifecycle(OffsetDateTime.now(CHICAGO).minusHours(6 + 20L * i).truncatedTo(ChronoUnit.SECONDS)
                            .toString());
                }
                Process gen = new ProcessBuilder("psql", "-h", OPT.getOrDefault("pgHost", "127.0.0.1"), "-U",
                        OPT.get("pgUser"), "-d", DB, "-v", "ON_ERROR_STOP=1", "-qf", "bench/audit-generate.sql")
                        .inheritIO().start();
                if (gen.waitFor() != 0) {
                    throw new IllegalStateException("bench/audit-generate.sql failed");
                }
                System.out.println("d: templates " + psql(DB, "SELECT string_agg(case_number, ' ') FROM bench_template"));
                long have = 0;
                Map<String, double[]> small = new LinkedHashMap<>();
                long smallSize = 0;
                int reps = Integer.parseInt(OPT.get("auditReps"));
                for (String sizeText : OPT.get("audit").split(",")) {
                    long size = Long.parseLong(sizeText);
                    long t0 = System.nanoTime();
                    long rows = 0;
                    for (long from = have + 1; from <= size; from += 50_000) {
                        rows += Long.parseLong(psql(DB, "SELECT bench_generate(" + from + ", "
                                + Math.min(size, from + 49_999) + ")"));
                    }
                    psql(DB, "VACUUM ANALYZE");
                    double secs = (System.nanoTime() - t0) / 1e9;
                    have = size;
                    String cfg = size + " generated closed cases, " + psql(DB, "SELECT count(*) FROM grievance_case")
                            + " rows in grievance_case, " + psql(DB, "SELECT pg_size_pretty(pg_database_size(current_database()))");
                    row("d", "generator: cases " + size + " (" + rows + " rows, incl. VACUUM ANALYZE)", "s", "bench/audit-generate.sql",
                            secs, null, null, cfg);
                    check(size);
                    List<String> numbers = List.of(psql(DB, "SELECT case_number FROM grievance_case WHERE "
                            + "process_instance_id LIKE 'bench-%' ORDER BY random() LIMIT " + reps).split("\\n"));
                    List<Query> queries = List.of(
                            new Query("search: no filter (newest 25)", i -> "/api/audit/cases"),
                            new Query("search: closed, received in one month", i -> "/api/audit/cases?status=CLOSED"
                                    + "&receivedFrom=2020-06-01&receivedTo=2020-06-30"),
                            new Query("search: patient name part", i -> "/api/audit/cases?patientName="
                                    + "Patient%20" + (1 + (i * 7919L) % size)),
                            new Query("search: case number", i -> "/api/audit/cases?caseNumber="
                                    + numbers.get(i % numbers.size())),
                            new Query("timeline of one case", i -> "/api/grievances/" + numbers.get(i % numbers.size())
                                    + "/timeline"),
                            new Query("timeliness report, 2020 (12 months, csv)", i -> "/api/audit/exports/timeliness.csv"
                                    + "?from=2020-01-01&to=2020-12-31"),
                            new Query("hospital grievance log, 2020-06 (csv)", i -> "/api/audit/exports/"
                                    + "hospital-grievance-log.csv?from=2020-06-01&to=2020-06-30"));
                    Map<String, List<Long>> lat = new LinkedHashMap<>();
                    for (Query q : queries) {
                        lat.put(q.name(), new ArrayList<>());
                        ok("aubrey", "GET", q.path().apply(0), null); // warm
                    }
                    for (int i = 0; i < reps; i++) {
                        for (Query q : queries) {
                            long s = System.nanoTime();
                            ok("aubrey", "GET", q.path().apply(i), null);
                            lat.get(q.name()).add(System.nanoTime() - s);
                        }
                    }
                    for (Query q : queries) {
                        double[] p = {pct(lat.get(q.name()), 50), pct(lat.get(q.name()), 95)};
                        String c = reps + " requests each, one at a time, round-robin over the queries, auditor aubrey; " + cfg;
                        if (small.isEmpty() || !small.containsKey(q.name())) {
                            small.put(q.name(), p);
                            smallSize = size;
                            row("d", q.name() + " p50 at " + size, "ms", "at " + size, p[0], null, null, c);
                            row("d", q.name() + " p95 at " + size, "ms", "at " + size, p[1], null, null, c);
                        } else {
                            double[] b = small.get(q.name());
                            row("d", q.name() + " p50 at " + size + " vs " + smallSize, "ms", "at " + size, p[0],
                                    "at " + smallSize, b[0], c);
                            row("d", q.name() + " p95 at " + size + " vs " + smallSize, "ms", "at " + size, p[1],
                                    "at " + smallSize, b[1], c);
                        }
                    }
                }
            } finally {
                stopApp();
                OPT.put("pgUrl", main);
            }
        }

        /** A generated case read through the normal API: found by search, and its timeline is its template's. */
        static void check(long size) throws Exception {
            String n = psql(DB, "SELECT case_number FROM grievance_case WHERE process_instance_id = 'bench-" + size + "'");
            String tmpl = psql(DB, "SELECT case_number FROM bench_template WHERE t = " + size
                    + " % (SELECT count(*) FROM bench_template)");
            String found = ok("aubrey", "GET", "/api/audit/cases?caseNumber=" + n, null).body();
            String total = field(found, "total");
            String mine = ok("aubrey", "GET", "/api/grievances/" + n + "/timeline", null).body();
            String theirs = ok("aubrey", "GET", "/api/grievances/" + tmpl + "/timeline", null).body();
            List<String> a = new ArrayList<>(all(mine, "kind"));
            List<String> b = new ArrayList<>(all(theirs, "kind"));
            a.removeIf("READ"::equals);
            b.removeIf("READ"::equals);
            boolean same = a.equals(b) && "1".equals(total) && "CLOSED".equals(field(mine, "status"));
            System.out.println("d: check " + n + " (copy of " + tmpl + "): search total " + total + ", timeline kinds "
                    + a.size() + (same ? " = template's" : " DIFFER from template's " + b.size()));
            row("d", "generated case read through the API equals its template", "ok", n + " vs " + tmpl, same ? 1 : 0,
                    null, null, "search ?caseNumber finds 1, status CLOSED, timeline event kinds (READ aside) in the same order");
        }
    }

    /**
     * s: SQL statements per request, as evidence of what limits a figure (PostgreSQL only): the database gets
     * log_statement = all for the app's new connections, each kind of request runs alone between two marker
     * statements, and the server log (logPath) is counted between the markers for this database. The job
     * executor's polling in that window is counted too (idle: one acquisition every 5 s).
     */
    static final class SqlCount {

        static void run() throws Exception {
            if (!db().equals("postgres")) {
                System.out.println("s: skipped, statements are counted in PostgreSQL's log (bench/run.sh postgres)");
                return;
            }
            String database = OPT.get("pgUrl").replaceAll(".*/", "");
            Path log = Path.of(OPT.getOrDefault("logPath", "/var/log/postgresql/postgresql-15-main.log"));
            if (!Files.isReadable(log)) {
                System.out.println("s: skipped, " + log + " is not readable (logPath=...)");
                return;
            }
            psql("postgres", "ALTER DATABASE " + database + " SET log_statement = 'all'");
            try {
                startApp(List.of(), false, false);
                deployFloor();
                int k = 5;
                Map<String, Work> kinds = new LinkedHashMap<>();
                kinds.put("intake POST /api/grievances", () -> Target.OURS.send());
                kinds.put("engine-rest start of grievance", () -> Target.ENGINE.send());
                kinds.put("engine-rest start of benchOneTask", () -> Target.FLOOR.send());
                kinds.put("lifecycle (intake + 8 tasks over engine-rest)", () -> ourLifecycle());
                kinds.put("floor lifecycle (benchOneTask, 8 visits)", () -> floorLifecycle(8));
                for (var kind : kinds.entrySet()) {
                    kind.getValue().run(); // warm
                    String mark = "bench-mark-" + System.nanoTime();
                    psql(database, "SELECT '" + mark + "-start'");
                    for (int i = 0; i < k; i++) {
                        kind.getValue().run();
                    }
                    psql(database, "SELECT '" + mark + "-end'");
                    Map<String, Integer> c = count(log, database, mark);
                    row("s", "SQL statements per request: " + kind.getKey(), "statements", "all", c.get("all") / (double) k,
                            null, null, k + " requests one at a time, by kind " + c);
                }
            } finally {
                stopApp();
                psql("postgres", "ALTER DATABASE " + database + " RESET log_statement");
            }
        }

        /** Statements of this database between the marker's start and end lines, by verb and table family. */
        static Map<String, Integer> count(Path log, String database, String mark) throws IOException {
            Map<String, Integer> c = new java.util.TreeMap<>();
            c.put("all", 0);
            boolean in = false;
            // one entry per statement: the engine's statements span several lines, and the lines after the first
            // carry no log prefix (they start with a tab), so the table a statement names may be on any of them
            List<String> entries = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                if (!entries.isEmpty() && (line.startsWith("\t") || line.startsWith(" "))) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
                } else {
                    entries.add(line);
                }
            }
            for (String line : entries) {
                if (line.contains(mark + "-start")) {
                    in = true;
                    continue;
                }
                if (line.contains(mark + "-end")) {
                    break;
                }
                if (!in || !line.contains("@" + database + " ") || !(line.contains("LOG:  execute ")
                        || line.contains("LOG:  statement: "))) {
                    continue;
                }
                String sql = line.substring(line.indexOf(": ", line.indexOf("LOG:  ") + 6) + 2).trim().toUpperCase(Locale.ROOT);
                if (sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("SET ")
                        || sql.startsWith("ROLLBACK") || sql.equals("SELECT 1")) {
                    c.merge("tx/other", 1, Integer::sum);
                    c.merge("all", 1, Integer::sum);
                    continue;
                }
                String verb = sql.split("\\s+")[0];
                Matcher m = Pattern.compile("(?:FROM|INTO|UPDATE)\\s+([A-Z_\\.]+)").matcher(sql);
                String table = m.find() ? m.group(1) : "?";
                String family = table.startsWith("ACT_HI_") ? "engine history"
                        : table.startsWith("ACT_RU_AUTH") ? "authorization"
                        : table.startsWith("ACT_RU_") || table.startsWith("ACT_GE_") ? "engine runtime"
                        : table.startsWith("ACT_RE_") ? "engine repository"
                        : table.startsWith("ACT_ID_") ? "identity" : table.startsWith("ACT_") ? "engine other" : "ours";
                c.merge(family + " " + verb, 1, Integer::sum);
                c.merge("all", 1, Integer::sum);
            }
            return c;
        }
    }

    /**
     * c: timers coming due together (PostgreSQL only). A few template cases are logged over HTTP and their
     * classification confirmed (which sets the clock's timers) with the job executor off: "open" ones received now
     * (their timers lie days ahead) and "due" ones received 30 days ago (every timer of their clock is past due).
     * bench/open-generate.sql then copies them in bulk, engine and read-model rows alike, to timersOpen open
     * cases and timersDue due ones. The app is started with the job executor on: at that moment all the due
     * cases' timers are due together, as if the engine clock had moved 30 days. Measured: seconds from that start
     * until every due clock has its BREACHED event and until the 10,000th firing; the latest breach; timers fired
     * twice (job log, clock events) and clocks not breached. Once with the executor as the demo profile has it
     * (Camunda's defaults), once with the tuned settings below; each round gets its own due cases. Then the
     * engine's floor on the same database: as many one-timer instances, their timers due at one start.
     */
    static final class Deadlines {

        static final List<String> OFF = List.of("--camunda.bpm.job-execution.enabled=false");

        static void run() throws Exception {
            if (!db().equals("postgres")) {
                System.out.println("c: skipped, the generator and the timer figures are PostgreSQL SQL (bench/run.sh postgres)");
                return;
            }
            String database = OPT.get("pgUrl").replaceAll(".*/", "");
            int open = Integer.parseInt(OPT.get("timersOpen"));
            int due = Integer.parseInt(OPT.get("timersDue"));
            int templates = Integer.parseInt(OPT.getOrDefault("timersTemplates", "5"));
            int conc = Integer.parseInt(OPT.getOrDefault("timersConc", "4"));
            Map<String, List<String>> settings = new LinkedHashMap<>();
            settings.put("default (demo profile: Camunda's defaults, core 3 / max 10 threads, 3 jobs per acquisition, queue 3)",
                    List.of());
            settings.put("tuned: " + OPT.getOrDefault("timersTuned", "core=max=4 threads, 10 jobs per acquisition, queue 20, timers first"),
                    OPT.containsKey("timersTunedArgs") ? List.of(OPT.get("timersTunedArgs").trim().split("\\s+"))
                            : List.of("--camunda.bpm.job-execution.core-pool-size=4", "--camunda.bpm.job-execution.max-pool-size=4",
                            "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                            "--camunda.bpm.job-execution.queue-capacity=20",
                            "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=true"));
            // timersAgain=default,tuned,floor: more rounds on the database a run left (java bench/Bench.java ...,
            // not bench/run.sh, which drops it), each with its own due copies of the snapshots
            List<String> again = OPT.containsKey("timersAgain") ? List.of(OPT.get("timersAgain").split(",")) : null;
            int round = 0;
            if (again == null) {
                startApp(OFF, false);
                List<String> openTemplates = log(conc, templates, false);
                List<String> dueTemplates = log(conc, templates, true);
                stopApp();
                Process gen = new ProcessBuilder("psql", "-h", OPT.getOrDefault("pgHost", "127.0.0.1"), "-U",
                        OPT.get("pgUser"), "-d", database, "-v", "ON_ERROR_STOP=1", "-qf", "bench/open-generate.sql")
                        .inheritIO().start();
                if (gen.waitFor() != 0) {
                    throw new IllegalStateException("bench/open-generate.sql failed");
                }
                StringBuilder tmpl = new StringBuilder("TRUNCATE bench_open_template, bench_open_case; ");
                for (String n : openTemplates) {
                    tmpl.append("INSERT INTO bench_open_template VALUES ('open', '").append(n).append("'); ")
                            .append("INSERT INTO bench_open_case VALUES (0, 'open', 0, '").append(n).append("', '").append(n).append("'); ");
                }
                for (String n : dueTemplates) {
                    tmpl.append("INSERT INTO bench_open_template VALUES ('due', '").append(n).append("'); ")
                            .append("INSERT INTO bench_open_case VALUES (0, 'due', 1, '").append(n).append("', '").append(n).append("'); ");
                }
                psql(database, tmpl.toString());
                System.out.println("c: template rows found: " + psql(database, "SELECT bench_open_prepare()") + " engine ids of "
                        + (openTemplates.size() + dueTemplates.size()) + " template cases");
                generate(database, "open", open - openTemplates.size(), 0);
            } else {
                settings.keySet().removeIf(k -> !again.contains(k.startsWith("default") ? "default" : "tuned"));
                round = Integer.parseInt(psql(database, "SELECT coalesce(max(round), 0) FROM bench_open_case"));
            }
            for (var setting : settings.entrySet()) {
                round++;
                generate(database, "due", due - (round == 1 ? templates : 0), round);
                psql(database, "VACUUM ANALYZE");
                String mine = "SELECT case_number FROM bench_open_case WHERE kind = 'due' AND round = " + round;
                long target = Long.parseLong(psql(database, "SELECT count(*) FROM case_clock WHERE case_number IN (" + mine + ")"));
                long openCases = Long.parseLong(psql(database, "SELECT count(*) FROM grievance_case WHERE status = 'OPEN'"));
                long openInstances = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"));
                long timersDueNow = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' "
                        + "AND duedate_ <= now()"));
                long otherJobs = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_job WHERE type_ <> 'timer' "
                        + "AND handler_type_ <> 'history-cleanup'"));
                long futureJobs = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' "
                        + "AND duedate_ > now()"));
                String mark = psql(database, "SELECT coalesce(max(timestamp_), now()) FROM act_hi_job_log");
                System.out.println("c: " + target + " clocks due (" + timersDueNow + " timer jobs due, " + otherJobs
                        + " other jobs) among " + openCases + " open cases (" + openInstances + " process instances), "
                        + futureJobs + " timers ahead; starting: " + setting.getKey());
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                // the breaches, not the health check, are the figure: start-up competes with the firings
                launch(setting.getValue(), false);
                double up = -1;
                double live = -1;
                double all = -1;
                long breached = 0;
                String breachedSql = "SELECT count(DISTINCT (case_number, regime)) FROM clock_event WHERE kind = 'BREACHED' "
                        + "AND case_number IN (" + mine + ")";
                long limit = System.nanoTime() + Long.parseLong(OPT.getOrDefault("timersMaxSeconds", "900")) * 1_000_000_000L;
                while (System.nanoTime() < limit) {
                    if (!app.isAlive()) {
                        throw new IllegalStateException("the application stopped; see " + out.resolve("app.log"));
                    }
                    if (live < 0 && up("/actuator/health/liveness")) {
                        live = (System.nanoTime() - t0) / 1e9;
                    }
                    if (up < 0 && up()) {
                        up = (System.nanoTime() - t0) / 1e9;
                    }
                    breached = Long.parseLong(psql(database, breachedSql));
                    if (breached >= target) {
                        all = (System.nanoTime() - t0) / 1e9;
                        break;
                    }
                    Thread.sleep(1000);
                }
                while (up < 0 && System.nanoTime() < limit + 300_000_000_000L) {
                    if (up()) {
                        up = (System.nanoTime() - t0) / 1e9;
                    } else {
                        Thread.sleep(500);
                    }
                }
                if (round == 1 && up >= 0) {
                    check(database);
                }
                String latest = psql(database, "SELECT extract(epoch FROM max(recorded_at) - timestamptz '" + started
                        + "'), extract(epoch FROM min(recorded_at) - timestamptz '" + started + "') FROM clock_event "
                        + "WHERE kind = 'BREACHED' AND case_number IN (" + mine + ")");
                String since = "timestamp_ > timestamp '" + mark + "'";
                String anyTimer = psql(database, "SELECT string_agg(act_id_ || ' ' || n, ', ') FROM (SELECT act_id_, count(*) n "
                        + "FROM act_hi_job_log WHERE " + since + " AND job_def_type_ LIKE 'timer%' AND job_state_ = 2 "
                        + "GROUP BY act_id_ ORDER BY act_id_) x");
                String fired = psql(database, "SELECT count(*), count(DISTINCT job_id_) FROM act_hi_job_log WHERE "
                        + "job_def_type_ LIKE 'timer%' AND job_state_ = 2 AND " + since);
                // the 10,000th firing after the start, in the job log's clock (the JVM's, UTC here)
                String tenThousandth = psql(database, "SELECT extract(epoch FROM timestamp_ - (timestamptz '" + started
                        + "' AT TIME ZONE 'UTC')) FROM act_hi_job_log WHERE job_def_type_ LIKE 'timer%' AND job_state_ = 2 AND "
                        + since + " ORDER BY timestamp_ OFFSET 9999 LIMIT 1");
                String span = psql(database, "SELECT extract(epoch FROM max(timestamp_) - min(timestamp_)) FROM act_hi_job_log "
                        + "WHERE job_def_type_ LIKE 'timer%' AND job_state_ = 2 AND " + since);
                long twice = Long.parseLong(psql(database, "SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE "
                        + "job_def_type_ LIKE 'timer%' AND job_state_ = 2 GROUP BY job_id_ HAVING count(*) > 1) x"));
                long failedLogs = Long.parseLong(psql(database, "SELECT count(*) FROM act_hi_job_log WHERE "
                        + "job_state_ = 1 AND " + since));
                long effectTwice = Long.parseLong(psql(database, "SELECT count(*) FROM (SELECT case_number, regime, kind "
                        + "FROM clock_event WHERE kind IN ('REMINDER', 'BREACHED') GROUP BY case_number, regime, kind "
                        + "HAVING count(*) > 1) x"));
                String[] f = fired.split("\\|");
                String[] lt = latest.split("\\|", -1);
                String name = setting.getKey().startsWith("default") ? "default" : "tuned";
                String cfg = setting.getKey() + "; " + target + " clocks of " + due + " cases received 30 days ago, all due "
                        + "at this start (" + timersDueNow + " timer jobs + " + otherJobs + " other jobs waiting), among "
                        + openCases + " open cases; " + futureJobs + " timers ahead; app live (started) after "
                        + String.format(Locale.ROOT, "%.1f", live) + " s, health UP after "
                        + String.format(Locale.ROOT, "%.1f", up) + " s (readiness waits until at most "
                        + "grievance.operations.max-overdue-jobs are overdue); timers that ran: " + anyTimer
                        + "; span first to last firing " + span + " s; failed job attempts (retried) " + failedLogs;
                row("c", "seconds from app start until every due clock breached", "s", "job executor " + name, all, null, null,
                        cfg + (all < 0 ? "; NOT all fired within the limit: " + breached + " of " + target : ""));
                row("c", "seconds from app start until the 10,000th timer firing", "s", "job executor " + name,
                        tenThousandth.isEmpty() ? -1 : Double.parseDouble(tenThousandth), null, null, cfg);
                row("c", "latest breach after app start (first: " + lt[1] + " s)", "s", "job executor " + name,
                        lt[0].isEmpty() ? -1 : Double.parseDouble(lt[0]), null, null, cfg);
                row("c", "timer firings (successful job log entries) vs distinct timer jobs", "jobs", "firings",
                        Double.parseDouble(f[0]), "distinct jobs", Double.parseDouble(f[1]), cfg);
                row("c", "fired twice: timer jobs run twice (job log) vs clocks with REMINDER/BREACHED twice", "count",
                        "job log", twice, "clock_event", (double) effectTwice, cfg);
                row("c", "due clocks not breached at the end", "clocks", "left", target - breached, null, null, cfg);
                stopApp();
                if (setting.getKey().startsWith("default")) {
                    defaultJobsDue = timersDueNow;
                    defaultRate = span.isEmpty() ? -1 : Double.parseDouble(f[0]) / Double.parseDouble(span);
                }
            }
            int floorTimers = Integer.parseInt(OPT.getOrDefault("timersFloor", String.valueOf(defaultJobsDue)));
            if (floorTimers > 0 && (again == null || again.contains("floor"))) {
                floor(database, floorTimers);
            }
        }

        static long defaultJobsDue;
        static double defaultRate = -1;

        /**
         * The engine's floor for c, on the same database after the rounds above: n instances of
         * bench/bench-timer.bpmn (start, one timer, end) started over engine-rest with the job executor off and
         * their timer's date in the past, then the app started with the default executor, as in the first round.
         * Its firing rate beside the first round's says what the grievance models add to a firing.
         */
        static void floor(String database, int n) throws Exception {
            startApp(OFF, false);
            deploy("bench-timer", List.of("bench-timer.bpmn"));
            String body = "{\"variables\":{\"dueAt\":{\"value\":" + q(engineDate(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)))
                    + ",\"type\":\"Date\"}}}";
            Load l = load(Integer.parseInt(OPT.getOrDefault("timersConc", "4")) * 2, n,
                    i -> () -> ok("admin", "POST", "/engine-rest/process-definition/key/benchTimer/start", body));
            System.out.printf(Locale.ROOT, "c: started %d benchTimer instances in %.0f s, %d errors%n", n, l.seconds(), l.errors());
            stopApp();
            String mine = "proc_def_key_ = 'benchTimer'";
            long started = Long.parseLong(psql(database, "SELECT count(*) FROM act_hi_procinst WHERE " + mine));
            long due = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ <= now()"));
            long ahead = Long.parseLong(psql(database, "SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ > now()"));
            String mark = psql(database, "SELECT coalesce(max(timestamp_), now()) FROM act_hi_job_log");
            psql(database, "VACUUM ANALYZE");
            System.out.println("c: floor: " + due + " timer jobs due (" + started + " benchTimer instances), " + ahead
                    + " timers ahead; starting with the default executor");
            Instant t = Instant.now();
            long t0 = System.nanoTime();
            launch(List.of(), false);
            double all = -1;
            long ended = 0;
            long limit = System.nanoTime() + Long.parseLong(OPT.getOrDefault("timersMaxSeconds", "900")) * 1_000_000_000L;
            while (System.nanoTime() < limit) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the application stopped; see " + out.resolve("app.log"));
                }
                ended = Long.parseLong(psql(database, "SELECT count(*) FROM act_hi_procinst WHERE " + mine
                        + " AND end_time_ IS NOT NULL"));
                if (ended >= started) {
                    all = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                Thread.sleep(1000);
            }
            String since = "timestamp_ > timestamp '" + mark + "' AND process_def_key_ = 'benchTimer'";
            String[] f = psql(database, "SELECT count(*), count(DISTINCT job_id_), extract(epoch FROM max(timestamp_) - "
                    + "min(timestamp_)), extract(epoch FROM min(timestamp_) - (timestamptz '" + t + "' AT TIME ZONE 'UTC')) "
                    + "FROM act_hi_job_log WHERE job_state_ = 2 AND " + since).split("\\|", -1);
            long twice = Long.parseLong(psql(database, "SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE "
                    + "job_state_ = 2 AND " + since + " GROUP BY job_id_ HAVING count(*) > 1) x"));
            double firings = Double.parseDouble(f[0]);
            double span = f[2].isEmpty() ? -1 : Double.parseDouble(f[2]);
            String cfg = "bench/bench-timer.bpmn (start, one timer, end) x " + started + ", started over engine-rest (admin) with "
                    + "the job executor off, then the app started with the default executor; " + due + " timer jobs due, "
                    + ahead + " timers ahead (the open cases'); first firing " + f[3] + " s after the process start; span "
                    + f[2] + " s; same database as the rounds above";
            row("c", "floor: seconds from app start until every one-timer instance ended", "s", "benchTimer, default executor",
                    all, null, null, cfg + (all < 0 ? "; NOT all ended within the limit: " + ended + " of " + started : ""));
            row("c", "floor: timer firings vs distinct timer jobs", "jobs", "firings", firings, "distinct jobs",
                    Double.parseDouble(f[1]), cfg);
            row("c", "floor: timer jobs run twice (job log)", "count", "job log", twice, null, null, cfg);
            if (defaultRate > 0 && span > 0) {
                row("c", "timer firings per second, first to last firing (default executor)", "firings/s",
                        "grievance clocks (first round)", defaultRate, "benchTimer floor", firings / span, cfg);
            }
            stopApp();
        }

        /** n more generated cases of a kind, in steps on timersWorkers database sessions, with the time they took. */
        static void generate(String database, String kind, int n, int round) throws Exception {
            int step = Integer.parseInt(OPT.getOrDefault("timersStep", "5000"));
            int workers = Integer.parseInt(OPT.getOrDefault("timersWorkers", "2"));
            long t0 = System.nanoTime();
            AtomicLong rows = new AtomicLong();
            int steps = (n + step - 1) / step;
            Load l = load(workers, steps, i -> () -> {
                int from = 1 + i * step;
                int to = Math.min(n, from + step - 1);
                rows.addAndGet(Long.parseLong(psql(database, "SELECT bench_open_generate('" + kind + "', " + from + ", " + to
                        + ", " + round + ")")));
            });
            if (l.errors() > 0) {
                throw new IllegalStateException("c: " + l.errors() + " generator steps failed");
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "c: generated %d %s cases (round %d): %d rows in %.1f s%n", n, kind, round, rows.get(), s);
            if (n > 0) {
                row("c", "generation: " + kind + " cases copied in bulk (bench/open-generate.sql)", "s", "generator", s, null,
                        null, n + " cases, " + rows.get() + " rows (engine runtime and history, read model), " + workers
                        + " database sessions, " + step + " cases per step");
            }
        }

        /** A generated due case read through the normal API after the firings: its timeline is its template's. */
        static void check(String database) throws Exception {
            String[] pair = psql(database, "SELECT case_number || '|' || tmpl FROM bench_open_case WHERE kind = 'due' "
                    + "AND round = 1 AND n > 0 ORDER BY n LIMIT 1").split("\\|");
            if (pair.length < 2) {
                return;
            }
            List<String> mine = kinds(ok("aubrey", "GET", "/api/grievances/" + pair[0] + "/timeline", null).body());
            List<String> theirs = kinds(ok("aubrey", "GET", "/api/grievances/" + pair[1] + "/timeline", null).body());
            String found = field(ok("aubrey", "GET", "/api/audit/cases?caseNumber=" + pair[0], null).body(), "total");
            String status = field(ok("aubrey", "GET", "/api/grievances/" + pair[0] + "/timeline", null).body(), "status");
            boolean same = mine.equals(theirs) && "1".equals(found) && "OPEN".equals(status);
            System.out.println("c: check " + pair[0] + " (copy of " + pair[1] + "): search total " + found + ", timeline kinds "
                    + mine + (same ? " = " : " <> ") + theirs);
            row("c", "generated case read through the API equals its template", "ok", same ? "same" : "DIFFERENT",
                    same ? 1 : 0, null, null, "copy " + pair[0] + " of " + pair[1] + " after the firings: search ?caseNumber finds "
                    + found + ", status " + status + ", timeline event kinds (READ aside) up to the timers set the same, then breached: " + mine);
        }

        /**
         * The timeline's event kinds (READ aside) up to the clock's timers being set: what the generator copied.
         * After that the order of reminder, escalation and breach depends on which due timer runs first (the
         * breach cancels the others), so only the breach itself is required.
         */
        static List<String> kinds(String timeline) {
            List<String> all = new ArrayList<>(all(timeline, "kind"));
            all.removeIf(x -> x.equals("READ"));
            int set = all.indexOf("CLOCK_TIMERS_SET");
            List<String> k = new ArrayList<>(all.subList(0, set + 1));
            k.add(all.contains("CLOCK_BREACHED") ? "then CLOCK_BREACHED" : "then no CLOCK_BREACHED");
            return k;
        }

        /** n cases over HTTP as intake, received now or 30 days ago, their classification confirmed. */
        static List<String> log(int conc, int n, boolean past) throws Exception {
            long t0 = System.nanoTime();
            List<String> numbers = Collections.synchronizedList(new ArrayList<>());
            Load l = load(conc, n, i -> () -> {
                String created = ok("irene", "POST", "/api/grievances", intakeBody(past
                        ? OffsetDateTime.now(CHICAGO).minusDays(30).truncatedTo(ChronoUnit.SECONDS).toString()
                        : nowChicago())).body();
                String number = field(created, "caseNumber");
                // the clock's timers are set once intake confirms the classification
                work("irene", "processInstanceBusinessKey=" + number, "confirmClassification",
                        Map.of("classification", "GRIEVANCE"));
                numbers.add(number);
            });
            System.out.printf(Locale.ROOT, "c: logged %d template cases (%s) in %.0f s, %d errors%n", n, past ? "received 30 days ago"
                    : "received now", (System.nanoTime() - t0) / 1e9, l.errors());
            return numbers;
        }
    }
}
