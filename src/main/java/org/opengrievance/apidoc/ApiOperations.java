package org.opengrievance.apidoc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.opengrievance.export.ExportName;
import org.opengrievance.trends.TrendsService;

/**
 * What each operation of {@code /api} is for and what it answers, in one table next to the controllers
 * (which stay free of documentation annotations). An operation missing here gets no summary and the linter
 * in {@code .ci/run} fails: a new endpoint is documented before it lands.
 */
final class ApiOperations {

    record Doc(String operationId, String summary) {
    }

    private static final String CASE = "/api/grievances/{caseNumber}";
    private static final String AUDIT_CASES = "/api/audit/cases";
    private static final String WHAT_IF = "/api/what-if";
    private static final String EXPORT = "/api/audit/exports/{name}.{format}";
    private static final String TRENDS = "/api/director/trends";
    private static final String DENOMINATORS = "/api/director/denominators";
    private static final String REPORTS = "/api/director/reports";
    private static final String READINESS = "/api/audit/readiness-pack";
    private static final java.util.regex.Pattern LINKED_CASE = java.util.regex.Pattern.compile(
            "/api/grievances/\\{caseNumber}/(conversion|reclassification|split)");

    private static final Map<String, Doc> DOCS = Map.ofEntries(
            Map.entry("POST /api/grievances", new Doc("logGrievance", "Log a complaint: a new case, classified, with its deadline")),
            Map.entry("GET " + CASE, new Doc("readCase", "Read a case: classification, deadlines per regime, open tasks")),
            Map.entry("GET " + CASE + "/timeline", new Doc("readTimeline", "Read a case's regulatory timeline: every step in order, with instants and actors")),
            Map.entry("GET " + CASE + "/possible-duplicates", new Doc("readPossibleDuplicates", "Read the open cases intake was shown as possible duplicates of a contact, and the decision (E7)")),
            Map.entry("POST " + CASE + "/withdrawal", new Doc("withdraw", "Record that the patient withdrew the grievance")),
            Map.entry("POST " + CASE + "/conversion", new Doc("convertToGrievance", "Convert a closed complaint or non-grievance into a grievance: a new linked case whose clocks count from the first receipt (E2(b))")),
            Map.entry("POST " + CASE + "/reclassification", new Doc("reclassifyCase", "Reclassify an open case onto another track: a new linked case from the first receipt; this case closes as RECLASSIFIED (E5)")),
            Map.entry("POST " + CASE + "/split", new Doc("splitCase", "Split parts of a mixed contact onto their own tracks: new linked cases from the first receipt; this case stays open (MA-1)")),
            Map.entry("POST " + CASE + "/clocks/{regime}/extension", new Doc("extendClock", "Extend a plan clock (the rules decide whether it may be)")),
            Map.entry("POST " + CASE + "/clocks/{regime}/expedite", new Doc("expediteClock", "Expedite a plan clock (24 hours)")),
            Map.entry("GET " + CASE + "/letters", new Doc("listLetters", "List the case's stored letters")),
            Map.entry("GET " + CASE + "/letters/{id}/pdf", new Doc("downloadLetter", "Download a stored letter as PDF")),
            Map.entry("GET " + CASE + "/letters/preview/{kind}", new Doc("previewLetter", "Preview a letter of the case as PDF (not stored)")),
            Map.entry("GET " + CASE + "/letter-preferences", new Doc("readLetterPreferences", "Read how the patient wants letters (large print)")),
            Map.entry("PUT " + CASE + "/letter-preferences", new Doc("setLetterPreferences", "Record how the patient wants letters (large print on request)")),
            Map.entry("GET " + CASE + "/notifications", new Doc("listNotifications", "List the written and oral notifications of the patient")),
            Map.entry("POST " + CASE + "/notifications/oral", new Doc("recordOralNotification", "Record an oral notification (phone or in person)")),
            Map.entry("GET " + AUDIT_CASES, new Doc("searchCases", "Search open and closed cases (auditors, the director), newest receipt first")),
            Map.entry("GET " + AUDIT_CASES + "/{caseNumber}/history", new Doc("readCaseHistory", "Read what the engine recorded about a case: instances, activities, tasks, forms, decisions, incidents, operations")),
            Map.entry("GET /api/audit/definitions/{definitionId}/xml", new Doc("readProcessModel", "Read the BPMN of a process definition (for the history diagram)")),
            Map.entry("GET /api/audit/access-log", new Doc("searchAccessLog", "Search the PHI access log (who read which case or export, when, from where), newest first")),
            Map.entry("GET /api/audit/access-log.csv", new Doc("exportAccessLog", "Export the PHI access log of a date range as CSV (the export is logged too)")),
            Map.entry("POST " + WHAT_IF, new Doc("whatIf", "Before deploying a changed deadline-policy, classification or routing table: which open cases it would move, old and new values (changes nothing)")),
            Map.entry("GET " + TRENDS + "/filters", new Doc("readTrendFilters", "Read the facilities, plans and departments the trend figures may be filtered by, and the default period")),
            Map.entry("GET " + TRENDS, new Doc("readTrends", "Read the director's trend figures (ten charts) for receipt months, a facility or plan, a department")),
            Map.entry("GET " + TRENDS + "/{chartId}.csv", new Doc("exportTrendChart", "Export one trend chart's rows as CSV (the same filters)")),
            Map.entry("GET " + DENOMINATORS, new Doc("listDenominators", "List the monthly denominators (patient days, members) in force, with who entered them")),
            Map.entry("PUT " + DENOMINATORS + "/{month}", new Doc("enterDenominator", "Enter a month's patient days (a hospital facility) or members (the plan) for the trend rates")),
            Map.entry("GET " + REPORTS, new Doc("listMonthlyReports", "List the stored monthly grievance reports (month, facility, when, by whom or the schedule, SHA-256 of each file), newest month first")),
            Map.entry("GET " + REPORTS + "/{id}/pdf", new Doc("downloadMonthlyReportPdf", "Download a stored monthly grievance report as PDF")),
            Map.entry("GET " + REPORTS + "/{id}/xlsx", new Doc("downloadMonthlyReportXlsx", "Download a stored monthly grievance report as an Excel workbook")),
            Map.entry("GET " + READINESS, new Doc("readinessPack", "Download the survey-readiness pack of a date range and facility (ZIP): grievance log, sent letters with their checks, policy settings and deployments, late cases with their breach reviews")),
            Map.entry("GET " + EXPORT, new Doc("exportAudit", "Export a CMS grievance universe, the hospital grievance log or the timeliness report (CSV or XLSX)")));

    private ApiOperations() {
    }

    static void describe(String path, HttpMethod method, Operation operation) {
        Doc doc = DOCS.get(method.name() + " " + path);
        if (doc != null) {
            operation.setOperationId(doc.operationId());
            operation.setSummary(doc.summary());
        }
        ApiResponses responses = operation.getResponses();
        if (path.equals("/api/grievances") && method == HttpMethod.POST) {
            intake(operation, responses);
        }
        if (method == HttpMethod.POST && LINKED_CASE.matcher(path).matches()) {
            linkedCase(responses);
        }
        if (path.endsWith("/pdf") || path.endsWith("/preview/{kind}")) {
            ApiResponse ok = responses.get("200");
            ok.setDescription("the letter");
            ok.setContent(new Content().addMediaType("application/pdf",
                    new MediaType().schema(new StringSchema().format("binary"))));
        }
        if (path.startsWith(REPORTS + "/")) {
            ApiResponse ok = responses.get("200");
            ok.setDescription("the stored report");
            ok.setContent(new Content().addMediaType(path.endsWith("/pdf") ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    new MediaType().schema(new StringSchema().format("binary"))));
            problem(responses, "404", "there is no stored report with this id");
        }
        if (path.equals("/api/audit/access-log.csv")) {
            ApiResponse ok = responses.get("200");
            ok.setDescription("the log's rows, newest first");
            ok.setContent(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema())));
        }
        if (path.startsWith("/api/audit/access-log")) {
            accessLogParameters(operation, path.endsWith(".csv"));
            problem(responses, "400", "a query parameter is missing or wrong (named in `errors`)");
        }
        if (path.equals(EXPORT)) {
            export(operation, responses);
        }
        if (path.equals(READINESS)) {
            readinessPack(operation, responses);
        }
        if (path.equals(AUDIT_CASES) && method == HttpMethod.GET) {
            CaseSearchParameters.describe(operation);
            problem(responses, "400", "a filter is unknown, repeated or wrong (named in `errors`)");
        }
        if (path.endsWith("/preview/{kind}")) {
            problem(responses, "404", "there is no such case, or the case's rules send no such letter");
            problem(responses, "422", "the letter still lacks required elements (listed in `missing`)");
        }
        if (path.equals(WHAT_IF)) {
            whatIf(operation, responses);
        }
        if (path.startsWith(TRENDS) || path.startsWith(DENOMINATORS)) {
            trends(path, operation, responses);
        }
        boolean changes = method != HttpMethod.GET;
        problem(responses, "400", changes ? "a field is missing or wrong (named in `errors`)" : "a path parameter is not valid");
        problem(responses, "401", "no or wrong credentials");
        problem(responses, "403", "the signed-in user's role may not do this");
        if (path.startsWith(CASE)) {
            problem(responses, "404", "there is no such case (or letter)");
        }
        if (path.startsWith(AUDIT_CASES + "/") || path.startsWith("/api/audit/definitions/")) {
            problem(responses, "404", "there is no such case (or process definition)");
        }
        if (changes && path.startsWith(CASE)) {
            problem(responses, "409", "the case's state or a rule forbids it (the rule is cited in `rule`)");
        }
        if (changes) {
            problem(responses, "413", "the body is larger than 64 KiB");
            problem(responses, "415", path.equals(WHAT_IF) ? "the body is not application/xml or text/xml in UTF-8"
                    : "the body is not JSON in UTF-8");
        }
    }

    private static void intake(Operation operation, ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        ApiResponse created = new ApiResponse().description("the new case").content(ok.getContent())
                .addHeaderObject("Location", new Header().description("the case's address")
                        .schema(new StringSchema().example("/api/grievances/GRV-2026-000123")));
        responses.addApiResponse("201", created);
        responses.addApiResponse("200", new ApiResponse()
                .description("the same Idempotency-Key and complaint within 24 hours: the first answer again")
                .content(ok.getContent()).addHeaderObject("Location", created.getHeaders().get("Location")));
        problem(responses, "422", "the Idempotency-Key was used in the last 24 hours for another complaint");
        operation.getParameters().stream().filter(p -> "Idempotency-Key".equals(p.getName())).forEach(p -> p
                .description("Any 1–200 visible ASCII characters (a UUID): a retry with the same key and body "
                        + "returns the first answer instead of logging the complaint twice; kept 24 hours, per user.")
                .schema(new StringSchema().maxLength(200).example("3f8e4c1a-2b7d-4e0f-9a61-0c5d2e7b9f14")));
    }

    /** A new linked case (relink): 201 with the new case's address; its state and its track decide the 409s. */
    private static void linkedCase(ApiResponses responses) {
        ApiResponse ok = responses.remove("200");
        if (ok == null) {
            return;
        }
        responses.addApiResponse("201", new ApiResponse()
                .description("the new case(s), each with the receipt its clocks count from and whether it is at risk")
                .content(ok.getContent()).addHeaderObject("Location", new Header().description("the (first) new case's address")
                        .schema(new StringSchema().example("/api/grievances/GRV-2026-000124"))));
        problem(responses, "409", "the case's state forbids it (an open case is reclassified, not converted; a closed"
                + " one cannot be reclassified or split), it is already on that track, or the track is a plan's and"
                + " the case has no plan regime (the rule is cited in `rule`)");
    }

    /** The changed table as the raw DMN XML body; a file that is not one of the three tables, or does not parse: 400. */
    private static void whatIf(Operation operation, ApiResponses responses) {
        if (operation.getRequestBody() != null) {
            Content xml = new Content();
            for (String type : List.of("application/xml", "text/xml")) {
                xml.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")
                        .description("the changed DMN file as Modeler saves it")));
            }
            operation.getRequestBody().description("the changed decision table (DeadlinePolicy, DepartmentRouting or"
                    + " GrievanceClassification)").required(true).content(xml);
        }
        ApiResponse ok = responses.get("200");
        if (ok != null) {
            ok.setDescription("the deployed version compared with, the open cases checked and the ones that would move");
        }
        problem(responses, "400", "the body is not a DMN table that parses, or holds none of the three decisions");
    }

    /** The trend figures' filters (yyyy-MM months, names as the filters endpoint lists them), the CSV, the 400s and 404. */
    private static void trends(String path, Operation operation, ApiResponses responses) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> {
                switch (p.getName()) {
                    case "from", "to" -> p.description(("from".equals(p.getName()) ? "first" : "last")
                            + " receipt month, yyyy-MM, inclusive (default: the 12 months ending with the current one;"
                            + " at most 120 months)").schema(new StringSchema().pattern("^\\d{4}-\\d{2}$")
                                    .example("from".equals(p.getName()) ? "2026-01" : "2026-12"));
                    case "facility" -> p.description("a facility or plan name as the filters endpoint lists it");
                    case "department" -> p.description("a department as the filters endpoint lists it");
                    case "chartId" -> p.description("the chart").schema(new StringSchema()._enum(TrendsService.CHART_IDS));
                    case "month" -> p.description("the month, yyyy-MM").schema(new StringSchema()
                            .pattern("^\\d{4}-\\d{2}$").example("2026-01"));
                    default -> { }
                }
            });
        }
        if (path.endsWith(".csv")) {
            ApiResponse ok = responses.get("200");
            ok.setDescription("the chart's rows; the header is the column labels");
            ok.setContent(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema())));
            problem(responses, "404", "there is no chart with this id");
        }
        if (path.endsWith("/filters")) {
            return;
        }
        problem(responses, "400", path.startsWith(DENOMINATORS + "/")
                ? "the month, the facility or the value is missing or wrong (named in `errors`)"
                : "a month is not yyyy-MM, from is after to, the period is over 120 months, or the facility or"
                        + " department is not one the filters list (named in `errors`)");
    }

    /** The access log's filters (read by access.AccessLogFilter from the query string). */
    private static void accessLogParameters(Operation operation, boolean export) {
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            return;
        }
        String day = "a calendar day in the facility's zone, YYYY-MM-DD, included";
        operation.addParametersItem(query("actor", "the user id of the reader", false, new StringSchema().maxLength(64)));
        operation.addParametersItem(query("caseNumber", "the case read", false, new StringSchema().maxLength(20)
                .example("GRV-2026-000123")));
        StringSchema surface = new StringSchema();
        surface.setEnum(List.of("API", "COCKPIT", "TASKLIST", "EXPORT"));
        operation.addParametersItem(query("surface", "where the read came from", false, surface));
        operation.addParametersItem(query("from", "first day, " + day, export, new StringSchema().format("date")));
        operation.addParametersItem(query("to", "last day, " + day, export, new StringSchema().format("date")));
        if (!export) {
            operation.addParametersItem(query("page", "page number, from 0", false,
                    new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
            operation.addParametersItem(query("size", "rows per page, 1 to 200", false,
                    new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(200))._default(50)));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Parameter query(String name, String description, boolean required, Schema schema) {
        return new Parameter().in("query").name(name).description(description)
                .required(required).schema(schema);
    }

    /** The export as CSV or XLSX; its parameters named in a 400; a file that did not validate, row by row, in a 422. */
    private static void export(Operation operation, ApiResponses responses) {
        operation.getParameters().forEach(p -> {
            switch (p.getName()) {
                case "name" -> p.description("which export").schema(new StringSchema()._enum(ExportName.paths()));
                case "format" -> p.description("the file format").schema(new StringSchema()._enum(List.of("csv", "xlsx")));
                case "from", "to" -> p.required(true).description("first (from) or last (to) receipt date of the range,"
                        + " inclusive; at most 13 months").schema(new StringSchema().format("date").example(
                                "from".equals(p.getName()) ? "2026-01-01" : "2026-12-31"));
                default -> { }
            }
        });
        ApiResponse ok = responses.get("200");
        ok.setDescription("the export (docs/audit-exports.md gives its columns)");
        ok.setContent(new Content()
                .addMediaType("text/csv", new MediaType().schema(new StringSchema()))
                .addMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        new MediaType().schema(new StringSchema().format("binary"))));
        problem(responses, "400", "an unknown export or format, or a bad date range (the parameter is named in `errors`)");
        problem(responses, "422", "the export did not validate: `errors` names each row (case number) and field at fault");
    }

    /** The pack as a ZIP; its range and facility named in a 400. */
    private static void readinessPack(Operation operation, ApiResponses responses) {
        operation.getParameters().forEach(p -> {
            switch (p.getName()) {
                case "from", "to" -> p.required(true).description("first (from) or last (to) receipt date of the range,"
                        + " inclusive, in the facility's zone; at most 3 years").schema(new StringSchema().format("date")
                        .example("from".equals(p.getName()) ? "2026-01-01" : "2026-12-31"));
                case "facility" -> p.required(true).description("the facility, as the grievance log names it")
                        .schema(new StringSchema().maxLength(200).example("Mercy General Hospital"));
                default -> { }
            }
        });
        ApiResponse ok = responses.get("200");
        ok.setDescription("the pack: README.txt, the hospital grievance log (CSV, XLSX), letters/ with"
                + " letter-checks.csv, policy-settings.csv, late-cases.csv (docs/guide-auditor.md)");
        ok.setContent(new Content().addMediaType("application/zip",
                new MediaType().schema(new StringSchema().format("binary"))));
        problem(responses, "400", "a bad or missing date, a range over 3 years or backwards, or an unknown facility"
                + " (the parameter is named in `errors`)");
    }

    @SuppressWarnings("rawtypes")
    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        Schema ref = new Schema().$ref("#/components/schemas/" + ApiDescription.PROBLEM);
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref))));
    }
}
