package org.opengrievance.apidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The filters of {@code GET /api/audit/cases}: the controller reads the query whole (so that an unknown or
 * repeated filter is refused by name), so springdoc cannot see them. And what its page's total means: exact up
 * to the count cap only (casesearch.CaseSearchProperties).
 */
final class CaseSearchParameters {

    private CaseSearchParameters() {
    }

    @SuppressWarnings("rawtypes")
    static void describe(Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(query("caseNumber", new StringSchema().maxLength(20).example("GRV-2026-000123"),
                "the case number or its beginning"));
        parameters.add(query("patientName", new StringSchema().maxLength(200),
                "part of the patient's name, any case (not kept in the PHI access log)"));
        parameters.add(query("receivedFrom", new StringSchema().format("date"), "received on or after this day (facility's zone)"));
        parameters.add(query("receivedTo", new StringSchema().format("date"), "received on or before this day (facility's zone)"));
        parameters.add(query("regime", new StringSchema()._enum(java.util.Arrays.stream(
                org.opengrievance.regime.Regime.values()).map(Enum::name).toList()), "a regime one of the case's clocks runs under"));
        parameters.add(query("classification", new StringSchema().example("GRIEVANCE"), "GRIEVANCE, COMPLAINT, NOT_A_GRIEVANCE, COVERAGE_REQUEST, APPEAL or INQUIRY"));
        parameters.add(query("status", new StringSchema().example("CLOSED"), "OPEN or CLOSED"));
        parameters.add(query("late", new BooleanSchema(), "whether a deadline of the case was missed"));
        parameters.add(query("hcatCategory", new StringSchema().example("SAFETY"), "the HCAT category coded by the investigation"));
        parameters.add(query("department", new StringSchema().example("nursing"), "the department that investigated"));
        parameters.add(query("page", new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0), "page number, from 0"));
        parameters.add(query("size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(100))._default(25), "cases per page"));
        operation.setParameters(parameters);
        if (operation.getResponses() != null && operation.getResponses().get("200") != null) {
            operation.getResponses().get("200").setDescription("one page of cases, newest receipt first, and how "
                    + "many match: exactly, or, when totalCapped is true, more than total (the count cap, "
                    + "grievance.search.count-cap, 10,000 unless configured)");
        }
    }

    /** The page's fields springdoc generated from the record, with what total and totalCapped mean. */
    @SuppressWarnings("rawtypes")
    static void describePage(Schema page) {
        if (page == null || page.getProperties() == null) {
            return;
        }
        Map<String, Schema> fields = page.getProperties();
        describe(fields, "page", "the page number, from 0");
        describe(fields, "size", "cases per page");
        describe(fields, "total", "how many cases match: exact when totalCapped is false; otherwise the count cap, "
                + "and more cases than that match");
        describe(fields, "totalCapped", "true when more cases match than the count cap (total): the count stopped "
                + "there; the pages still go on, newest first");
        describe(fields, "cases", "the page's cases, newest receipt first");
    }

    @SuppressWarnings("rawtypes")
    private static void describe(Map<String, Schema> fields, String name, String description) {
        if (fields.get(name) != null) {
            fields.get(name).setDescription(description);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Parameter query(String name, Schema schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }
}
