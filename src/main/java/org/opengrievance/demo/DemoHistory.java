package org.opengrievance.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.clock.ClockRequests;
import org.opengrievance.clock.Requester;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.RequestedAction;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.intake.Subject;
import org.opengrievance.regime.Regime;
import org.opengrievance.trends.TrendsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Eleven past months of fictional cases (three to five a month) and a denominator for every month, so the
 * director's trends dashboard has something to show on a fresh demo. Each case is logged through intake and
 * worked task by task, as people would, with the {@link DemoClock} (and the engine's clock) standing at the
 * moment of each step; the due timers of those months are run as the job executor would have run them, so a
 * case answered after its deadline is late, and one still open is late by now. A fixed seed: every fresh demo
 * has the same story, only shifted to the current date. It takes most of the demo's start-up (about a minute on
 * a busy two-core machine): {@code grievance.demo.history=false} leaves it out. While it runs, "now" is in the
 * past for every request too, so the demo is best opened once the log says "Demo history: … cases".
 */
@Component
@ConditionalOnProperty(name = "grievance.demo.enabled", havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final int MONTHS = 11;
    private static final String[] FIRST = {"Avery", "Blake", "Cameron", "Dakota", "Emerson", "Finley", "Harper",
        "Jesse", "Kendall", "Logan", "Marlow", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Rowan", "Skyler"};
    private static final String[] LAST = {"Fakename", "Notreal", "Madeupson", "Sampleby", "Exampleton",
        "Fictionly", "Placeholm"};
    // the people who work each group's tasks in the demo (DemoUsers)
    private static final Map<String, String> WORKER = Map.ofEntries(Map.entry("intake", "irene"),
            Map.entry("patient-relations", "paula"), Map.entry("pr-director", "diana"),
            Map.entry("investigators-nursing", "ivan"), Map.entry("investigators-medical-staff", "rita"),
            Map.entry("investigators-risk-management", "rita"), Map.entry("appeals", "alex"),
            Map.entry("case-management", "carla"));

    private final IntakeService intake;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ManagementService management;
    private final ClockRequests clocks;
    private final TrendsService trends;
    private final FacilityProperties facility;
    private final PlanProperties plan;
    private final DemoClock clock;
    private final boolean enabled;

    DemoHistory(IntakeService intake, TaskService tasks, IdentityService identity, ManagementService management,
            ClockRequests clocks, TrendsService trends, FacilityProperties facility, PlanProperties plan,
            DemoClock clock, @Value("${grievance.demo.history:true}") boolean enabled) {
        this.enabled = enabled;
        this.intake = intake;
        this.tasks = tasks;
        this.identity = identity;
        this.management = management;
        this.clocks = clocks;
        this.trends = trends;
        this.facility = facility;
        this.plan = plan;
        this.clock = clock;
    }

    /** Writes the past months; the clock is back at the system's time afterwards, whatever happened. */
    void create() {
        if (!enabled) {
            log.info("Demo history: off (grievance.demo.history=false); the trends dashboard shows this month only");
            return;
        }
        long started = System.nanoTime();
        ZoneId zone = facility.zone();
        Instant realNow = Instant.now();
        Random random = new Random(14);
        int logged = 0;
        try {
            for (int monthsAgo = MONTHS; monthsAgo >= 1; monthsAgo--) {
                YearMonth month = YearMonth.now(zone).minusMonths(monthsAgo);
                int count = 3 + monthsAgo % 3;
                for (int i = 0; i < count; i++) {
                    OffsetDateTime received = month.atDay(1 + random.nextInt(26))
                            .atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(zone).toOffsetDateTime();
                    try {
                        pastCase(logged, received, monthsAgo, random, realNow);
                    } catch (RuntimeException e) {
                        // one case the models took another way than expected must not stop the demo
                        log.warn("Demo history: case {} of {} was left where it stood ({})", i + 1, month,
                                e.getClass().getSimpleName());
                    }
                    logged++;
                }
            }
            clock.home();
            denominators(zone, new Random(7));
        } finally {
            clock.home();
            identity.clearAuthentication();
        }
        log.info("Demo history: {} cases over the last {} months and their denominators, in {} ms", logged, MONTHS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void pastCase(int n, OffsetDateTime received, int monthsAgo, Random random, Instant realNow) {
        String patient = FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
        double kind = random.nextDouble();
        ServiceArea area = pick(random, ServiceArea.NURSING, ServiceArea.NURSING, ServiceArea.NURSING,
                ServiceArea.PHYSICIAN, ServiceArea.BILLING, ServiceArea.DIETARY, ServiceArea.FACILITIES,
                ServiceArea.EMERGENCY, ServiceArea.OTHER);
        Channel channel = pick(random, Channel.PHONE, Channel.PHONE, Channel.LETTER, Channel.EMAIL, Channel.PORTAL,
                Channel.IN_PERSON, Channel.FAX);
        at(received.toInstant());
        if (kind < 0.10) {
            // fixed at the bedside: a complaint, closed at once
            String c = register(new IntakeRequest(Channel.IN_PERSON, received, patient, text(area), area, true,
                    "The charge nurse put it right on the spot; the patient was satisfied.", false, false, false,
                    false, false, "en"));
            later(Duration.ofMinutes(30));
            work(c, "confirmClassification", Map.of("classification", "COMPLAINT"));
            return;
        }
        if (kind < 0.22) {
            // not a grievance: a billing dispute to patient financial services, or a question answered as an inquiry
            boolean billing = random.nextBoolean();
            String c = register(new IntakeRequest(channel, received, patient,
                    billing ? "I was charged twice for the same visit." : "Which forms do I need for my records?",
                    billing ? ServiceArea.BILLING : ServiceArea.OTHER, false, null, false, false, false, false, false,
                    "en", null, null, null, null, null, null, null, null, null, null,
                    billing ? Subject.BILLING : Subject.OTHER,
                    billing ? RequestedAction.COMPLAINT : RequestedAction.INFORMATION, null, null));
            later(Duration.ofHours(2));
            work(c, "confirmClassification", Map.of("classification", "NOT_A_GRIEVANCE",
                    "route", billing ? "PATIENT_FINANCIAL_SERVICES" : "INQUIRY"));
            return;
        }
        boolean planCase = kind > 0.88;
        String c;
        if (planCase) {
            c = register(new IntakeRequest(Channel.PHONE, received, patient,
                    "The plan's pharmacy kept me waiting two weeks for my refill.", ServiceArea.OTHER, false, null,
                    true, false, false, false, true, "en", List.of(Regime.MEDICARE_ADVANTAGE), null, null, null, null,
                    null, null, null, "10 Example Road, Springfield, IL 62701", "DEMO" + (1000 + n),
                    Subject.ACCESS, RequestedAction.COMPLAINT, null, null));
        } else {
            c = register(new IntakeRequest(channel, received, patient, text(area), area, false, null, true, false,
                    false, false, channel == Channel.PORTAL, "en"));
        }
        boolean late = !planCase && random.nextDouble() < 0.2;
        boolean open = monthsAgo <= 2 && random.nextDouble() < 0.35;
        boolean extended = planCase && random.nextBoolean();
        Instant start = received.toInstant();
        // the day of each step after receipt: answered in 2-6 days, a late one after 9-13, a plan case in 10-25
        int answerDay = planCase ? 10 + random.nextInt(16) : late ? 9 + random.nextInt(5) : 2 + random.nextInt(5);
        if (extended) {
            answerDay = 34 + random.nextInt(8);
        }
        Map<String, Instant> notBefore = new LinkedHashMap<>();
        notBefore.put("acknowledgeReceipt", start.plus(Duration.ofHours(20)));
        notBefore.put("gatherFindings", start.plus(Duration.ofDays(Math.max(1, answerDay - 2))));
        notBefore.put("draftResponse", start.plus(Duration.ofDays(answerDay - 1)));
        notBefore.put("approveResponse", start.plus(Duration.ofDays(answerDay)));
        Instant cap = realNow.minus(Duration.ofHours(1));
        String[] hcat = {"QUALITY", "QUALITY", "SAFETY", "ENVIRONMENT", "INSTITUTIONAL_PROCESSES",
            "COMMUNICATION", "COMMUNICATION", "RESPECT_AND_RIGHTS", "LISTENING"};
        String category = hcat[random.nextInt(hcat.length)];
        String severity = String.valueOf(1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2));
        String harm = String.valueOf(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));

        later(Duration.ofHours(1));
        work(c, "confirmClassification", Map.of("classification", "GRIEVANCE"));
        String[] steps = {"acknowledgeReceipt", "gatherFindings", "codeIssue", "draftResponse", "approveResponse",
            "printAndMailLetter", "closeGrievance"};
        for (String step : steps) {
            if (open && step.equals("gatherFindings")) {
                return;
            }
            if (extended && step.equals("gatherFindings")) {
                stepTo(start.plus(Duration.ofDays(12)), cap);
                clocks.extend(c, Regime.MEDICARE_ADVANTAGE, Requester.ENROLLEE, 14,
                        "The enrollee asked for time to send the pharmacy's receipts.", null, null, "paula");
            }
            Instant due = notBefore.get(step);
            stepTo(due == null ? clock.instant().plus(Duration.ofHours(2)) : due, cap);
            work(c, step, values(step, category, severity, harm, area));
        }
    }

    private Map<String, Object> values(String step, String category, String severity, String harm, ServiceArea area) {
        return switch (step) {
            case "acknowledgeReceipt" -> Map.of("acknowledgedVia", "PHONE");
            case "gatherFindings" -> Map.of("findings", "Staff statements and the record confirm the account in part.",
                    "stepsTaken", "Interviewed the staff on duty and spoke with the patient.",
                    "issue1", "The concern about " + area.name().toLowerCase().replace('_', ' '));
            case "codeIssue" -> Map.of("hcatCategory", category, "hcatSeverity", severity, "harmLevel", harm);
            case "draftResponse" -> Map.of("answer1", "We looked into it, found the cause and changed the practice.",
                    "responseDraft", "Thank you for telling us. We investigated and made changes.",
                    "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                    "contactPhone", "(555) 010-0100", "responseChannel", "MAIL");
            case "approveResponse" -> Map.of("approvalDecision", "APPROVE");
            case "closeGrievance" -> Map.of("closureReason", "RESOLVED");
            default -> Map.of();
        };
    }

    /** Tasks the clocks and letters add on the way, worked when they come up. */
    private Map<String, Object> sideValues(String key) {
        return switch (key) {
            case "checkPossibleDuplicates" -> Map.of("duplicateDecision", "NEW");
            case "sendInterimNotice" -> Map.of("interimNoticeSentVia", "MAIL");
            case "sendExtensionNotice" -> Map.of("extensionNoticeSentVia", "MAIL");
            case "reviewNearDeadline", "reviewMissedDeadline" -> Map.of("directorReviewNote",
                    "Reviewed with the investigator; the response is on its way.");
            case "printAndMailLetter" -> Map.of("mailedAt",
                    OffsetDateTime.ofInstant(clock.instant(), facility.zone()).withNano(0).toString());
            default -> null;
        };
    }

    private void denominators(ZoneId zone, Random random) {
        YearMonth now = YearMonth.now(zone);
        signIn("diana");
        try {
            for (int monthsAgo = MONTHS; monthsAgo >= 0; monthsAgo--) {
                YearMonth month = now.minusMonths(monthsAgo);
                trends.enterDenominator(month, facility.name(), 3800L + random.nextInt(700), "diana");
                trends.enterDenominator(month, plan.name(), 11800L + random.nextInt(500), "diana");
            }
        } finally {
            identity.clearAuthentication();
        }
    }

    // --- working the tasks ---

    private String register(IntakeRequest request) {
        signIn("irene");
        try {
            return intake.register(request).caseNumber();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Works the side tasks that are open, then the case's task with this key (every one, if several). */
    private void work(String caseNumber, String key, Map<String, Object> values) {
        for (int round = 0; round < 4; round++) {
            List<Task> side = openTasks(caseNumber).stream().filter(t -> !t.getTaskDefinitionKey().equals(key)
                    && sideValues(t.getTaskDefinitionKey()) != null).toList();
            if (side.isEmpty()) {
                break;
            }
            side.forEach(t -> complete(t, sideValues(t.getTaskDefinitionKey())));
            later(Duration.ofMinutes(20));
        }
        List<Task> open = openTasks(caseNumber).stream().filter(t -> t.getTaskDefinitionKey().equals(key)).toList();
        if (open.isEmpty()) {
            throw new IllegalStateException("no open task " + key);
        }
        Function<Task, Map<String, Object>> valuesOf = t -> key.equals("printAndMailLetter") ? sideValues(key) : values;
        open.forEach(t -> complete(t, valuesOf.apply(t)));
    }

    /** The case's open tasks: its processes (grievance, investigation, clocks, letters) carry its number as key. */
    private List<Task> openTasks(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    }

    private void complete(Task listed, Map<String, Object> values) {
        // completing one task can end another listed with it (a clock's review when the response goes out)
        Task task = tasks.createTaskQuery().taskId(listed.getId()).singleResult();
        if (task == null) {
            return;
        }
        String user = task.getAssignee() != null ? task.getAssignee() : workerFor(task);
        signIn(user);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String workerFor(Task task) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                String known = WORKER.get(link.getGroupId());
                if (known != null) {
                    return known;
                }
                List<User> members = identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc()
                        .listPage(0, 1);
                if (!members.isEmpty()) {
                    return members.get(0).getId();
                }
            }
        }
        return "paula";
    }

    // --- time ---

    private void at(Instant instant) {
        clock.travelTo(instant);
        runDueTimers(instant);
    }

    /** A little later, the same day: no timer of the months is due in between that matters. */
    private void later(Duration by) {
        clock.travelTo(clock.instant().plus(by));
    }

    /** Forward to that instant (never past the cap, never back). */
    private void stepTo(Instant instant, Instant cap) {
        Instant target = instant.isAfter(cap) ? cap : instant;
        if (target.isAfter(clock.instant())) {
            at(target);
        } else {
            later(Duration.ofMinutes(30));
        }
    }

    /**
     * The timers due by now, run one at a time as the job executor would have run them in those months (one job
     * can end others: the breach ends the clock's reminders).
     */
    private void runDueTimers(Instant now) {
        for (int run = 0; run < 40; run++) {
            List<Job> due = management.createJobQuery().timers().withRetriesLeft()
                    .duedateLowerThan(Date.from(now.plusMillis(1))).orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException e) {
                log.debug("Demo history: a timer failed ({})", e.getClass().getSimpleName());
            }
        }
    }

    private void signIn(String user) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    private static String text(ServiceArea area) {
        return switch (area) {
            case NURSING -> "Nobody answered my call light for forty minutes during the night.";
            case PHYSICIAN -> "The doctor never explained the results of my scan to me.";
            case BILLING -> "I received a bill for a test my insurance had approved.";
            case DIETARY -> "My meals did not follow the low-salt diet I was ordered.";
            case FACILITIES -> "The room's heating did not work for two days.";
            case EMERGENCY -> "I waited six hours in the emergency department without an update.";
            case OTHER -> "The parking garage staff were rude to my family.";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
