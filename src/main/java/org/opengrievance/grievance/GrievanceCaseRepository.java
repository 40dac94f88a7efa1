package org.opengrievance.grievance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case record tables. Runs inside the caller's (and so the engine's) transaction. */
@Repository
public class GrievanceCaseRepository {

    private final JdbcClient jdbc;

    GrievanceCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(GrievanceCase c) {
        jdbc.sql("""
                INSERT INTO grievance_case (case_number, process_instance_id, channel, received_at, facility_name,
                  facility_zone, patient_name, complaint_text, service_area, preferred_language, response_due_at,
                  status, created_at, created_by, patient_name_key)
                VALUES (:caseNumber, :pid, :channel, :receivedAt, :facilityName, :facilityZone, :patientName,
                  :complaintText, :serviceArea, :language, :responseDueAt, :status, :createdAt, :createdBy,
                  LOWER(:patientName))
                """)
                .param("caseNumber", c.caseNumber())
                .param("pid", c.processInstanceId())
                .param("channel", c.channel())
                .param("receivedAt", c.receivedAt())
                .param("facilityName", c.facilityName())
                .param("facilityZone", c.facilityZone())
                .param("patientName", c.patientName())
                .param("complaintText", c.complaintText())
                .param("serviceArea", c.serviceArea())
                .param("language", c.preferredLanguage())
                .param("responseDueAt", c.responseDueAt())
                .param("status", c.status())
                .param("createdAt", c.createdAt())
                .param("createdBy", c.createdBy())
                .update();
    }

    public Optional<GrievanceCase> findByCaseNumber(String caseNumber) {
        return jdbc.sql("SELECT * FROM grievance_case WHERE case_number = ?")
                .param(caseNumber).query(GrievanceCaseRepository::map).optional();
    }

    public Optional<GrievanceCase> findByProcessInstanceId(String processInstanceId) {
        return jdbc.sql("SELECT * FROM grievance_case WHERE process_instance_id = ?")
                .param(processInstanceId).query(GrievanceCaseRepository::map).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single();
    }

    public void recordClassification(String caseNumber, ClassificationEvent event) {
        if (event.kind() == ClassificationEvent.Kind.SUGGESTED) {
            jdbc.sql("""
                    UPDATE grievance_case SET suggested_classification = :c, classification = :c,
                      classification_reason = :reason, classification_rule = :rule WHERE case_number = :n
                    """)
                    .param("c", event.classification()).param("reason", event.reason())
                    .param("rule", event.ruleId()).param("n", caseNumber).update();
        } else {
            jdbc.sql("UPDATE grievance_case SET classification = :c WHERE case_number = :n")
                    .param("c", event.classification()).param("n", caseNumber).update();
        }
        jdbc.sql("""
                INSERT INTO classification_event (case_number, kind, classification, reason, rule_id, actor, recorded_at)
                VALUES (:n, :kind, :c, :reason, :rule, :actor, :at)
                """)
                .param("n", caseNumber).param("kind", event.kind().name())
                .param("c", event.classification()).param("reason", event.reason())
                .param("rule", event.ruleId()).param("actor", event.actor()).param("at", event.recordedAt())
                .update();
    }

    public List<ClassificationEvent> classificationHistory(String caseNumber) {
        return jdbc.sql("SELECT * FROM classification_event WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, i) -> new ClassificationEvent(
                        ClassificationEvent.Kind.valueOf(rs.getString("kind")), rs.getString("classification"),
                        rs.getString("reason"), rs.getString("rule_id"), rs.getString("actor"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    /** The point-of-care facts of a grievance changed to a complaint (CMS-HOSP-2(a), (i)). */
    public void recordPointOfCare(String caseNumber, PointOfCareResolution p) {
        jdbc.sql("""
                UPDATE grievance_case SET poc_resolved_by = :by, poc_action = :action, poc_patient_satisfied = :satisfied,
                  poc_recorded_by = :recordedBy, poc_recorded_at = :at WHERE case_number = :n
                """)
                .param("by", p.resolvedBy()).param("action", p.action()).param("satisfied", p.patientSatisfied())
                .param("recordedBy", p.recordedBy()).param("at", p.recordedAt()).param("n", caseNumber).update();
    }

    /** The point-of-care facts, when the case was changed from a grievance to a complaint. */
    public Optional<PointOfCareResolution> pointOfCare(String caseNumber) {
        return jdbc.sql("""
                SELECT poc_resolved_by, poc_action, poc_patient_satisfied, poc_recorded_by, poc_recorded_at,
                  facility_zone FROM grievance_case WHERE case_number = ? AND poc_recorded_at IS NOT NULL
                """).param(caseNumber)
                .query((rs, i) -> new PointOfCareResolution(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), time(rs, "poc_recorded_at", ZoneId.of(rs.getString(6)))))
                .optional();
    }

    public void saveContact(String caseNumber, PatientContact c) {
        jdbc.sql("""
                UPDATE grievance_case SET patient_email = :email, patient_address = :address, member_id = :memberId,
                  medicare_beneficiary = :medicare, quality_of_care = :qoc, premature_discharge = :discharge
                WHERE case_number = :n
                """)
                .param("email", c.email()).param("address", c.address()).param("memberId", c.memberId())
                .param("medicare", c.medicareBeneficiary()).param("qoc", c.qualityOfCare())
                .param("discharge", c.prematureDischarge()).param("n", caseNumber).update();
    }

    public PatientContact contact(String caseNumber) {
        return jdbc.sql("""
                SELECT patient_email, patient_address, member_id, medicare_beneficiary, quality_of_care,
                  premature_discharge FROM grievance_case WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new PatientContact(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional().orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    public void saveRequester(String caseNumber, CaseRequester r) {
        jdbc.sql("""
                UPDATE grievance_case SET requester = :code, requester_name = :name, requester_relationship = :rel,
                  requester_authority = :authority, requester_address = :address, requester_email = :email
                WHERE case_number = :n
                """)
                .param("code", r.code()).param("name", r.name()).param("rel", r.relationship())
                .param("authority", r.authority()).param("address", r.address()).param("email", r.email())
                .param("n", caseNumber).update();
    }

    public CaseRequester requester(String caseNumber) {
        return jdbc.sql("""
                SELECT requester, requester_name, requester_relationship, requester_authority, requester_address,
                  requester_email FROM grievance_case WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new CaseRequester(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional().orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /** What classification decided on besides the CMS-HOSP-2 flags (subject, what the person asks for, survey). */
    public void saveIntakeFacts(String caseNumber, String subject, String requestedAction, boolean patientIdentified) {
        jdbc.sql("""
                UPDATE grievance_case SET subject = :subject, requested_action = :action, patient_identified = :identified
                WHERE case_number = :n
                """)
                .param("subject", subject).param("action", requestedAction).param("identified", patientIdentified)
                .param("n", caseNumber).update();
    }

    /** Where a contact that is not a grievance goes (PATIENT_FINANCIAL_SERVICES, SURVEY_FEEDBACK, INQUIRY); null clears it. */
    public void saveRoute(String caseNumber, String route) {
        jdbc.sql("UPDATE grievance_case SET route = ? WHERE case_number = ?").params(route, caseNumber).update();
    }

    public Optional<String> route(String caseNumber) {
        return jdbc.sql("SELECT route FROM grievance_case WHERE case_number = ?").param(caseNumber)
                .query(String.class).optional();
    }

    /** The appeals team's deadline for a coverage request or appeal handed off to them, and the rule it comes from. */
    public void saveHandOff(String caseNumber, OffsetDateTime dueAt, String citation) {
        jdbc.sql("UPDATE grievance_case SET handoff_due_at = ?, handoff_citation = ? WHERE case_number = ?")
                .params(dueAt, citation, caseNumber).update();
    }

    public Optional<CaseView.HandOff> handOff(String caseNumber, ZoneId zone) {
        return jdbc.sql("""
                SELECT handoff_due_at, handoff_citation, handoff_reference FROM grievance_case
                WHERE case_number = ? AND handoff_due_at IS NOT NULL
                """).param(caseNumber)
                .query((rs, i) -> new CaseView.HandOff(time(rs, "handoff_due_at", zone), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public void saveHandOffReference(String caseNumber, String reference) {
        jdbc.sql("UPDATE grievance_case SET handoff_reference = ? WHERE case_number = ?")
                .params(reference, caseNumber).update();
    }

    public void updateResponseDue(String caseNumber, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE grievance_case SET response_due_at = ? WHERE case_number = ?").params(dueAt, caseNumber).update();
    }

    public void close(String caseNumber, String reason, String note, OffsetDateTime at, String by) {
        jdbc.sql("""
                UPDATE grievance_case SET status = :status, closure_reason = :reason, closure_note = :note,
                  closed_at = :at, closed_by = :by WHERE case_number = :n
                """)
                .param("status", GrievanceCase.CLOSED).param("reason", reason).param("note", note)
                .param("at", at).param("by", by).param("n", caseNumber).update();
    }

    private static GrievanceCase map(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("facility_zone"));
        return new GrievanceCase(
                rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("channel"),
                time(rs, "received_at", zone), rs.getString("facility_name"),
                rs.getString("facility_zone"), rs.getString("patient_name"), rs.getString("complaint_text"),
                rs.getString("service_area"), rs.getString("preferred_language"),
                rs.getString("suggested_classification"), rs.getString("classification"),
                rs.getString("classification_reason"), rs.getString("classification_rule"),
                time(rs, "response_due_at", zone), rs.getString("status"),
                rs.getString("closure_reason"), rs.getString("closure_note"),
                time(rs, "closed_at", zone), rs.getString("closed_by"),
                time(rs, "created_at", zone), rs.getString("created_by"));
    }

    /** Databases hand timestamps back in UTC or the session zone; show them in the facility's zone. */
    private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
