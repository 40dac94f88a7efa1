package org.opengrievance.report;

/**
 * Ids and variables of processes/monthly-report.bpmn ("Monthly grievance report"), started by a director from
 * Tasklist with the start form's fields below, and of processes/monthly-report-schedule.bpmn, whose timer calls it
 * on the first business day of each month (Camunda allows no timer start beside a none start in one process).
 */
public final class MonthlyReportProcess {

    public static final String KEY = "monthlyReport";
    public static final String FORM = "monthly-report-request";

    public static final String SCHEDULE_KEY = "monthlyReportSchedule";
    public static final String SCHEDULE_START = "firstBusinessDayOfMonth";
    public static final String RUN_REPORT = "runMonthlyReport";
    public static final String REQUEST_START = "reportRequested";
    public static final String CHOOSE_MONTH = "chooseReportMonth";
    public static final String BUILD_REPORT = "buildReport";
    public static final String EMAIL_REPORT = "emailReport";

    // the start form's fields (the schedule passes none: chooseReportMonth picks the previous month)
    public static final String REPORT_MONTH = "reportMonth";
    public static final String REPORT_FACILITY = "reportFacility";

    /** set by buildReport: the id of the stored report (monthly_report.id) */
    public static final String REPORT_ID = "reportId";
    /** set by chooseReportMonth: who asked for it, a user id or {@value #SCHEDULE} */
    public static final String REQUESTED_BY = "reportRequestedBy";
    public static final String SCHEDULE = "schedule";

    private MonthlyReportProcess() {
    }
}
