package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.PatientContact;
import org.opengrievance.security.SecurityTestSupport.Answer;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case logged through the API with marked contact details runs to closure; the engine's runtime and history
 * tables then hold none of them. They live in the case record only (patient name and complaint text are shown
 * by forms and may be in the engine).
 */
@GrievanceAppTest
class HistoryPhiScanTests {

    static final String EMAIL = "Zq-PHI-EMAIL@example.org";
    static final String ADDRESS = "Zq-PHI-ADDRESS 17 Quince Lane, Springfield";
    static final String MEMBER_ID = "ZqPHIMEMBER0042";
    static final List<String> MARKED = List.of(EMAIL, ADDRESS, MEMBER_ID, "Zq-PHI", "ZqPHI");
    static final String COMPLAINT = "The night nurse never came when called.";

    /** The engine's text columns that hold variable values, and the byte arrays (serialized and long values). */
    static final List<String> TEXT_COLUMNS = List.of("ACT_HI_VARINST.TEXT_", "ACT_HI_VARINST.TEXT2_",
            "ACT_HI_DETAIL.TEXT_", "ACT_HI_DETAIL.TEXT2_", "ACT_RU_VARIABLE.TEXT_", "ACT_RU_VARIABLE.TEXT2_",
            "ACT_HI_DEC_IN.TEXT_", "ACT_HI_DEC_IN.TEXT2_");

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired GrievanceCaseRepository cases;
    @Autowired JdbcTemplate jdbc;

    void complete(Role role, String caseNumber, String key, Map<String, Object> variables) {
        Task task = SecurityTestSupport.task(tasks, caseNumber, key);
        assertThat(task).as(key).isNotNull();
        identity.setAuthentication(role.userId(), role.groups());
        try {
            tasks.claim(task.getId(), role.userId());
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void contactDetailsNeverReachEngineVariablesOrHistory() throws Exception {
        users.ensureCreated();
        SecurityTestSupport http = new SecurityTestSupport(users);
        Map<String, Object> body = new HashMap<>(Map.of("channel", "LETTER", "receivedAt", "2026-12-04T16:30:00-06:00",
                "patientName", Patients.unique(), "complaintText", COMPLAINT,
                "serviceArea", "NURSING", "responseRequested", true, "preferredLanguage", "en"));
        body.putAll(Map.of("patientEmail", EMAIL, "patientAddress", ADDRESS, "memberId", MEMBER_ID,
                "medicareBeneficiary", true, "qualityOfCare", true));
        Answer created = http.post(Role.INTAKE, "/api/grievances", SecurityTestSupport.JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();

        complete(Role.INTAKE, caseNumber, "confirmClassification", Map.of("classification", "GRIEVANCE"));
        complete(Role.PATIENT_RELATIONS, caseNumber, "acknowledgeReceipt", Map.of("acknowledgedVia", "PHONE"));
        complete(Role.NURSING_INVESTIGATOR, caseNumber, "gatherFindings", Map.of(
                "findings", "Call bell answered after 40 minutes.", "stepsTaken", "Retrained the night shift.",
                "issue1", "Call bell not answered"));
        complete(Role.NURSING_INVESTIGATOR, caseNumber, "codeIssue",
                Map.of("hcatCategory", "CLINICAL", "hcatSeverity", "2", "harmLevel", "1"));
        complete(Role.PATIENT_RELATIONS, caseNumber, "draftResponse", Map.of(
                "answer1", "The night shift was retrained on call bells.",
                "responseDraft", "Your concern was substantiated.", "contactPerson", "Paula Patient-Relations",
                "contactTitle", "Patient Relations Manager", "contactPhone", "(555) 010-0100",
                "responseChannel", "MAIL"));
        complete(Role.DIRECTOR, caseNumber, "approveResponse", Map.of("approvalDecision", "APPROVE"));
        complete(Role.PATIENT_RELATIONS, caseNumber, "printAndMailLetter", Map.of("mailedAt", "2026-12-10T12:00:00-06:00"));
        complete(Role.PATIENT_RELATIONS, caseNumber, "closeGrievance", Map.of("closureReason", "RESOLVED"));

        GrievanceCase row = cases.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(row.status()).isEqualTo(GrievanceCase.CLOSED);
        // the details did arrive: in the case record, where they belong
        PatientContact contact = cases.contact(caseNumber);
        assertThat(contact.email()).isEqualTo(EMAIL);
        assertThat(contact.address()).isEqualTo(ADDRESS);
        assertThat(contact.memberId()).isEqualTo(MEMBER_ID);
        assertThat(contact.medicareBeneficiary()).isTrue();
        assertThat(contact.qualityOfCare()).isTrue();

        // the control: the scan does see what the engine holds (the complaint, which forms show, is in its history)
        assertThat(engineHits(List.of(COMPLAINT))).as("engine rows holding the complaint").contains("ACT_HI_VARINST.TEXT_");
        assertThat(engineHits(MARKED)).as("engine rows holding a marked contact value").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ IN "
                + "('patientEmail', 'patientAddress', 'memberId', 'medicareBeneficiary', 'qualityOfCare', "
                + "'prematureDischarge')", Long.class)).as("case-record-only variables in history").isZero();
    }

    /** The engine columns (and byte arrays) holding one of the markers. */
    private List<String> engineHits(List<String> markers) {
        List<String> hits = new ArrayList<>();
        for (String column : TEXT_COLUMNS) {
            String[] tc = column.split("\\.");
            for (String value : jdbc.queryForList("SELECT " + tc[1] + " FROM " + tc[0] + " WHERE " + tc[1]
                    + " IS NOT NULL", String.class)) {
                markers.stream().filter(value::contains).findFirst().ifPresent(m -> hits.add(column));
            }
        }
        for (byte[] bytes : jdbc.queryForList("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE BYTES_ IS NOT NULL",
                byte[].class)) {
            String text = new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.UTF_16BE);
            markers.stream().filter(text::contains).findFirst().ifPresent(m -> hits.add("ACT_GE_BYTEARRAY.BYTES_"));
        }
        return hits;
    }
}
