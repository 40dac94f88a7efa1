package org.opengrievance.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceCaseService;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.RequestedAction;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.intake.Subject;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/** A handful of fictional cases at different stages, so a person trying the engine has work to open. */
@Component
class DemoCases {

    private final IntakeService intake;
    private final TaskService tasks;
    private final IdentityService identity;
    private final GrievanceCaseRepository cases;
    private final GrievanceCaseService caseService;
    private final FacilityProperties facility;
    private final Clock clock;

    DemoCases(IntakeService intake, TaskService tasks, IdentityService identity, GrievanceCaseRepository cases,
            GrievanceCaseService caseService, FacilityProperties facility, Clock clock) {
        this.caseService = caseService;
        this.intake = intake;
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.facility = facility;
        this.clock = clock;
    }

    /** Creates the cases on an empty case record; false (and nothing done) when there are cases already. */
    boolean create() {
        if (cases.count() > 0) {
            return false;
        }
        // 1. waiting for intake to confirm the classification
        log(Channel.EMAIL, 1, "Jordan Example", "The meals on 4 West arrived cold three days running.",
                ServiceArea.DIETARY, false, false);

        // 2. verbal, fixed at the bedside: closed as a complaint
        String bedside = log(Channel.IN_PERSON, 0, "Casey Sample", "Room too noisy at night; the charge nurse moved me.",
                ServiceArea.NURSING, true, false);
        complete(bedside, "confirmClassification", "irene", Map.of("classification", "COMPLAINT"));

        // 3. medication error by letter: under investigation in nursing
        String medication = log(Channel.LETTER, 3, "Robin Placeholder",
                "I was given the wrong dose of my blood pressure medication on the night of my surgery.",
                ServiceArea.NURSING, false, false);
        complete(medication, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));
        complete(medication, "acknowledgeReceipt", "paula", Map.of("acknowledgedVia", "LETTER"));

        // 4. abuse allegation: the director's immediate review is open
        String abuse = log(Channel.PHONE, 0, "Alex Testperson", "My mother says an aide slapped her during the night shift.",
                ServiceArea.NURSING, false, true);
        complete(abuse, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));

        // 6. a Medicare Advantage enrollee: the hospital's 7-day clock and the plan's 30-day clock both run
        signIn("irene");
        try {
            OffsetDateTime received = OffsetDateTime.now(clock.withZone(facility.zone())).minusDays(2).withNano(0);
            String both = intake.register(new IntakeRequest(Channel.LETTER, received, "Sam Sampleton",
                    "The discharge planner ignored my questions and the plan's representative was rude.",
                    ServiceArea.NURSING, false, null, true, false, false, false, true, "es",
                    java.util.List.of(Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE), null, null, null, null))
                    .caseNumber();
            identity.clearAuthentication();
            complete(both, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));
        } finally {
            identity.clearAuthentication();
        }

        // 5. billing grievance through the portal: the draft waits for the director's approval
        String billing = log(Channel.PORTAL, 5, "Morgan Demo",
                "I am on Medicare and was billed for a service I was told was covered before admission.",
                ServiceArea.BILLING, false, false);
        complete(billing, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));
        complete(billing, "acknowledgeReceipt", "paula", Map.of("acknowledgedVia", "PHONE"));
        complete(billing, "gatherFindings", "sam", Map.of(
                "findings", "Pre-admission estimate quoted the wrong coverage code.",
                "stepsTaken", "Reviewed the estimate and the claim with patient financial services.",
                "issue1", "Billed for a service I was told was covered"));
        complete(billing, "codeIssue", "sam", Map.of("hcatCategory", "INSTITUTIONAL_PROCESSES",
                "hcatSeverity", "2", "harmLevel", "0"));
        complete(billing, "draftResponse", "paula", Map.of(
                "answer1", "The estimate used the wrong code; we corrected the bill and refunded you.",
                "responseDraft", "We corrected the charge and refunded the amount billed in error.",
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));

        // 7. a grievance with its whole story, closed: acknowledged by phone, investigated, answered in writing,
        // approved, mailed and closed (what an auditor opens first in Cockpit's Grievances view)
        String closed = log(Channel.LETTER, 6, "Taylor Fictional",
                "The food on my tray was cold every evening and nobody came when I asked for a hot meal.",
                ServiceArea.DIETARY, false, false);
        complete(closed, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));
        complete(closed, "acknowledgeReceipt", "paula", Map.of("acknowledgedVia", "PHONE"));
        complete(closed, "gatherFindings", "sam", Map.of(
                "findings", "The evening tray cart's heating element had failed; kitchen staff had not reported it.",
                "stepsTaken", "Inspected the cart, interviewed the kitchen and unit staff, spoke with the patient.",
                "issue1", "Cold evening meals"));
        complete(closed, "codeIssue", "sam", Map.of("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1",
                "harmLevel", "0"));
        complete(closed, "draftResponse", "paula", Map.of(
                "answer1", "The heating element of the evening tray cart was replaced and checks were added.",
                "responseDraft", "Your concern was substantiated: the cart was repaired and is checked every evening.",
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));
        complete(closed, "approveResponse", "diana", Map.of("approvalDecision", "APPROVE"));
        complete(closed, "printAndMailLetter", "paula",
                // the next whole second: a mailing date may not lie before the approval a moment ago
                Map.of("mailedAt", OffsetDateTime.now(clock.withZone(facility.zone())).plusSeconds(1).withNano(0)
                        .toString()));
        complete(closed, "closeGrievance", "paula", Map.of("closureReason", "RESOLVED"));

        // 9. a verbal dispute about a parking charge: not a grievance (CMS-HOSP-2(e)), recorded and routed to patient
        // financial services
        signIn("irene");
        String parking;
        try {
            OffsetDateTime received = OffsetDateTime.now(clock.withZone(facility.zone())).minusDays(1).withNano(0);
            parking = intake.register(new IntakeRequest(Channel.PHONE, received, "Riley Invented",
                    "I was charged twice for parking during my stay.", ServiceArea.BILLING, false, null, false, false,
                    false, false, false, "en", null, null, null, null, null, null, null, null, null, null,
                    Subject.BILLING, RequestedAction.COMPLAINT, null, null)).caseNumber();
        } finally {
            identity.clearAuthentication();
        }
        complete(parking, "confirmClassification", "irene", Map.of("classification", "NOT_A_GRIEVANCE"));

        // 8. withdrawn by the patient after the acknowledgement
        String withdrawn = log(Channel.PHONE, 4, "Jamie Madeup",
                "Nobody explained why my discharge was delayed by a day; I want a written answer.",
                ServiceArea.NURSING, false, false);
        complete(withdrawn, "confirmClassification", "irene", Map.of("classification", "GRIEVANCE"));
        complete(withdrawn, "acknowledgeReceipt", "paula", Map.of("acknowledgedVia", "PHONE"));
        signIn("paula");
        try {
            caseService.withdraw(withdrawn, "The patient called: the question was answered by the unit manager.");
        } finally {
            identity.clearAuthentication();
        }
        return true;
    }

    private String log(Channel channel, int daysAgo, String patient, String text, ServiceArea area,
            boolean resolvedAtPointOfCare, boolean abuse) {
        ZoneId zone = facility.zone();
        OffsetDateTime receivedAt = OffsetDateTime.now(clock.withZone(zone)).minus(Duration.ofDays(daysAgo))
                .minusHours(2).withNano(0);
        signIn("irene");
        try {
            return intake.register(new IntakeRequest(channel, receivedAt, patient, text, area, resolvedAtPointOfCare,
                    resolvedAtPointOfCare ? "Moved to a quieter room; patient satisfied." : null,
                    false, abuse, false, false, channel == Channel.PORTAL, "en")).caseNumber();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void complete(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
        signIn(user);
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** As that user with that user's groups: with engine authorizations on, the groups carry the rights. */
    private void signIn(String user) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }
}
