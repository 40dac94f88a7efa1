package org.opengrievance.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.opengrievance.grievance.CaseStateException;
import org.opengrievance.regime.Regime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables case_clock and clock_event. Every change of a clock row is announced as a {@link ClockChanged}. */
@Repository
public class CaseClockRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CaseClockRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public void insert(String caseNumber, ClockState c) {
        jdbc.sql("""
                INSERT INTO case_clock (case_number, regime, owner_name, zone, kind, received_at, converted_at,
                  base_due_at, binding_due_at, follow_up_due_at, expedite_trigger, expedited_at, policy_citation,
                  policy_source)
                VALUES (:n, :regime, :owner, :zone, :kind, :received, :converted, :base, :binding, :followUp,
                  :trigger, :expedited, :citation, :source)
                """)
                .param("n", caseNumber).param("regime", c.regime().name()).param("owner", c.ownerName())
                .param("zone", c.zone().getId()).param("kind", c.kind().name())
                .param("received", odt(c.receivedAt())).param("converted", odt(c.convertedAt()))
                .param("base", odt(c.baseDueAt())).param("binding", odt(c.bindingDueAt()))
                .param("followUp", odt(c.followUpDueAt()))
                .param("trigger", c.expediteTrigger() == null ? null : c.expediteTrigger().name())
                .param("expedited", odt(c.expeditedAt())).param("citation", c.policyCitation())
                .param("source", c.policySource())
                .update();
        events.publishEvent(new ClockChanged(caseNumber));
    }

    public void update(String caseNumber, ClockState c) {
        jdbc.sql("""
                UPDATE case_clock SET kind = :kind, base_due_at = :base, binding_due_at = :binding,
                  follow_up_due_at = :followUp, interim_sent_at = :interim, extension_days = :extDays,
                  extension_requested_by = :extBy, extension_reason = :extReason, extended_at = :extAt,
                  extension_notice_due_at = :noticeDue, expedite_trigger = :trigger, expedited_at = :expedited,
                  late = :late, late_at = :lateAt, stopped_at = :stopped, policy_citation = :citation,
                  policy_source = :source
                WHERE case_number = :n AND regime = :regime
                """)
                .param("kind", c.kind().name()).param("base", odt(c.baseDueAt()))
                .param("binding", odt(c.bindingDueAt())).param("followUp", odt(c.followUpDueAt()))
                .param("interim", odt(c.interimSentAt())).param("extDays", c.extensionDays())
                .param("extBy", c.extensionRequestedBy() == null ? null : c.extensionRequestedBy().name())
                .param("extReason", c.extensionReason()).param("extAt", odt(c.extendedAt()))
                .param("noticeDue", odt(c.extensionNoticeDueAt()))
                .param("trigger", c.expediteTrigger() == null ? null : c.expediteTrigger().name())
                .param("expedited", odt(c.expeditedAt())).param("late", c.late()).param("lateAt", odt(c.lateAt()))
                .param("stopped", odt(c.stoppedAt())).param("citation", c.policyCitation())
                .param("source", c.policySource())
                .param("n", caseNumber).param("regime", c.regime().name())
                .update();
        events.publishEvent(new ClockChanged(caseNumber));
    }

    /** A plan-initiated extension's justification (MA-4, MCD-6), printed in the extension notice. */
    public void saveJustification(String caseNumber, Regime regime, String informationNeeded, String enrolleeInterest) {
        jdbc.sql("""
                UPDATE case_clock SET extension_information_needed = ?, extension_enrollee_interest = ?
                WHERE case_number = ? AND regime = ?
                """).params(informationNeeded, enrolleeInterest, caseNumber, regime.name()).update();
    }

    /** [information needed, enrollee interest] of the clock's extension; nulls when none. */
    public String[] justification(String caseNumber, Regime regime) {
        return jdbc.sql("""
                SELECT extension_information_needed, extension_enrollee_interest FROM case_clock
                WHERE case_number = ? AND regime = ?
                """).params(caseNumber, regime.name())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElse(new String[2]);
    }

    public List<ClockState> findAll(String caseNumber) {
        return jdbc.sql("SELECT * FROM case_clock WHERE case_number = ? ORDER BY regime")
                .param(caseNumber).query(CaseClockRepository::map).list();
    }

    public Optional<ClockState> find(String caseNumber, Regime regime) {
        return jdbc.sql("SELECT * FROM case_clock WHERE case_number = ? AND regime = ?")
                .param(caseNumber).param(regime.name()).query(CaseClockRepository::map).optional();
    }

    /** The clock, or a {@link CaseStateException} when the case runs none under this regime. */
    public ClockState require(String caseNumber, Regime regime) {
        return find(caseNumber, regime).orElseThrow(() -> new CaseStateException(
                "Case " + caseNumber + " has no " + regime + " clock."));
    }

    public void event(String caseNumber, Regime regime, ClockEventKind kind, String detail, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO clock_event (case_number, regime, kind, detail, actor, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(caseNumber, regime.name(), kind.name(), detail, actor, odt(at)).update();
    }

    public List<String> eventKinds(String caseNumber, Regime regime) {
        return jdbc.sql("SELECT kind FROM clock_event WHERE case_number = ? AND regime = ? ORDER BY id")
                .params(caseNumber, regime.name()).query(String.class).list();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ClockState map(ResultSet rs, int row) throws SQLException {
        String trigger = rs.getString("expedite_trigger");
        String extBy = rs.getString("extension_requested_by");
        return new ClockState(Regime.valueOf(rs.getString("regime")), rs.getString("owner_name"),
                ZoneId.of(rs.getString("zone")), ClockKind.valueOf(rs.getString("kind")),
                instant(rs, "received_at"), instant(rs, "converted_at"), instant(rs, "base_due_at"),
                instant(rs, "binding_due_at"), instant(rs, "follow_up_due_at"), instant(rs, "interim_sent_at"),
                rs.getInt("extension_days"), extBy == null ? null : Requester.valueOf(extBy),
                rs.getString("extension_reason"), instant(rs, "extended_at"), instant(rs, "extension_notice_due_at"),
                trigger == null ? null : ExpediteTrigger.valueOf(trigger), instant(rs, "expedited_at"),
                rs.getBoolean("late"), instant(rs, "late_at"), instant(rs, "stopped_at"),
                rs.getString("policy_citation"), rs.getString("policy_source"));
    }
}
