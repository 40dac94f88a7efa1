package org.opengrievance.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.dispatch.ExactlyOnce;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of monthly-report.bpmn: choose the month (the timer: the previous month; a director: the
 * month of the start form, which must be over), build and store the report (async: retries, then an incident),
 * and email it to every director exactly once (async; {@link ReportDispatch} claims each email before the mail
 * server is called, so a retried job sends only what did not go).
 */
@Configuration(proxyBeanMethods = false)
class MonthlyReportSteps {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSteps.class);

    private final MonthlyReports reports;
    private final ReportRepository stored;
    private final ReportDispatch dispatch;
    private final ReportMailer mailer;
    private final Clock clock;
    private final ZoneId zone;

    MonthlyReportSteps(MonthlyReports reports, ReportRepository stored, ReportDispatch dispatch, ReportMailer mailer,
            Clock clock, FacilityProperties facility) {
        this.reports = reports;
        this.stored = stored;
        this.dispatch = dispatch;
        this.mailer = mailer;
        this.clock = clock;
        this.zone = facility.zone();
    }

    /** chooseReportMonth: runs in the start's transaction, so a refusal reaches Tasklist and nothing starts. */
    @Bean
    JavaDelegate chooseReportMonth() {
        return execution -> {
            YearMonth current = YearMonth.from(clock.instant().atZone(zone));
            Object requested = execution.getVariable(MonthlyReportProcess.REPORT_MONTH);
            String initiator = (String) execution.getVariable("initiator");
            if (requested == null && initiator != null) {
                // a person always names the month (the form requires it); only the schedule leaves it out
                throw Refusal.badField(MonthlyReportProcess.REPORT_MONTH, "Write the month to report, e.g. 2026-11.");
            }
            if (requested == null) {
                // the timer of the first business day: the month that just ended
                execution.setVariable(MonthlyReportProcess.REPORT_MONTH, current.minusMonths(1).toString());
                execution.setVariable(MonthlyReportProcess.REQUESTED_BY, MonthlyReportProcess.SCHEDULE);
                return;
            }
            YearMonth month = month(requested.toString(), current);
            execution.setVariable(MonthlyReportProcess.REPORT_MONTH, month.toString());
            Object facility = execution.getVariable(MonthlyReportProcess.REPORT_FACILITY);
            String name = facility == null || facility.toString().isBlank() ? null : facility.toString().strip();
            if (name != null && !reports.facilities().contains(name)) {
                throw Refusal.badField(MonthlyReportProcess.REPORT_FACILITY, "There is no facility or plan of "
                        + "that name: leave the field empty for all, or write the name as the trend figures list it.");
            }
            execution.setVariable(MonthlyReportProcess.REPORT_FACILITY, name);
            if (initiator != null) {
                if (!isDirector(execution, initiator)) {
                    throw Refusal.conflict(null, "Only the patient relations director runs the monthly report.");
                }
                execution.setVariable(MonthlyReportProcess.REQUESTED_BY, initiator);
            } else if (execution.getVariable(MonthlyReportProcess.REQUESTED_BY) == null) {
                execution.setVariable(MonthlyReportProcess.REQUESTED_BY, "system");
            }
        };
    }

    private static YearMonth month(String value, YearMonth current) {
        YearMonth month;
        try {
            month = YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.badField(MonthlyReportProcess.REPORT_MONTH, "Write the month as year and month, e.g. 2026-11.");
        }
        if (!month.isBefore(current)) {
            throw Refusal.badField(MonthlyReportProcess.REPORT_MONTH, "Choose a past month: the report covers a "
                    + "month that is over (the current month is reported on the first business day of the next).");
        }
        if (month.getYear() < 2000) {
            throw Refusal.badField(MonthlyReportProcess.REPORT_MONTH, "Choose a month from the year 2000 on.");
        }
        return month;
    }

    private static boolean isDirector(DelegateExecution execution, String userId) {
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .anyMatch(Roles.PR_DIRECTOR::equals);
    }

    /** buildReport (async, R3/PT5M): the PDF and the XLSX, stored with their hashes in the job's transaction. */
    @Bean
    JavaDelegate buildMonthlyReport() {
        return execution -> {
            YearMonth month = YearMonth.parse((String) execution.getVariable(MonthlyReportProcess.REPORT_MONTH));
            String facility = (String) execution.getVariable(MonthlyReportProcess.REPORT_FACILITY);
            String by = (String) execution.getVariable(MonthlyReportProcess.REQUESTED_BY);
            long id = reports.build(month, facility, by, execution.getProcessInstanceId());
            execution.setVariable(MonthlyReportProcess.REPORT_ID, id);
        };
    }

    /**
     * emailReport (async, R3/PT5M): to every member of pr-director with an email address in the engine's
     * identity. Each director's email is claimed first: a retry skips the ones that went; one that may have gone
     * (the node stopped after calling the mail server) is not sent again. A failure is thrown: retries, then an
     * incident in Cockpit.
     */
    @Bean
    JavaDelegate emailMonthlyReport() {
        return execution -> {
            long id = ((Number) execution.getVariable(MonthlyReportProcess.REPORT_ID)).longValue();
            StoredReport report = stored.find(id).orElseThrow();
            IdentityService identity = execution.getProcessEngineServices().getIdentityService();
            Set<User> directors = identity.createUserQuery().memberOfGroup(Roles.PR_DIRECTOR).list().stream()
                    .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).collect(Collectors.toSet());
            byte[] pdf = stored.content(id, ReportRepository.Kind.PDF).orElseThrow();
            byte[] xlsx = stored.content(id, ReportRepository.Kind.XLSX).orElseThrow();
            String subject = "Monthly grievance report " + report.month()
                    + (report.facility() == null ? "" : " \u2013 " + report.facility());
            String base = "grievance-report-" + report.month();
            for (User director : directors) {
                ReportDispatch.ToDirector to = new ReportDispatch.ToDirector(id, director.getId());
                ExactlyOnce.Claim claim = dispatch.claim(to);
                switch (claim.outcome()) {
                    case ALREADY_SENT -> { }
                    case UNCERTAIN -> log.warn("Monthly report {}: an earlier attempt to email director {} stopped "
                            + "after the mail server was called; not sent again", id, director.getId());
                    default -> {
                        try {
                            mailer.send(director.getEmail(), subject, base + ".pdf", pdf, base + ".xlsx", xlsx,
                                    claim.messageId());
                        } catch (RuntimeException failed) {
                            dispatch.refused(to);
                            throw failed;
                        }
                        dispatch.sent(to);
                    }
                }
            }
        };
    }
}
