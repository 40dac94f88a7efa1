package org.opengrievance.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The Part C grievance universe, GRV_C of the ODAG protocol (CMS-10717, table 5). Its columns are known only
 * partly (shared/domain/market-and-audit-formats.md A.3.2, recalled, [M]); docs/audit-exports.md says where
 * this layout had to choose.
 */
@Component
class PartCUniverse implements Layout {

    static final String FIRST_NAME = "Enrollee First Name";
    static final String LAST_NAME = "Enrollee Last Name";
    static final String ENROLLEE_ID = "Enrollee ID";
    static final String CONTRACT_ID = "Contract ID";
    static final String PBP = "Plan Benefit Package (PBP)";
    static final String FDR = "FDR Name";
    static final String GRIEVANCE_ID = "Grievance ID";
    static final String REQUESTER = "Person who made the request";
    static final String RECEIVED_DATE = "Date grievance received";
    static final String RECEIVED_TIME = "Time grievance received";
    static final String CATEGORY = "Grievance category";
    static final String ISSUE = "Issue description";
    static final String EXPEDITED = "Expedited";
    static final String EXTENSION = "Extension taken";
    static final String EXTENSION_REASON = "Enrollee notified of reason for extension";
    static final String EXTENSION_RIGHT = "Enrollee notified of right to expedited grievance";
    static final String EXTENSION_DATE = "Date of extension notification";
    static final String RESOLVED_DATE = "Date of resolution";
    static final String RESOLVED_TIME = "Time of resolution";
    static final String ORAL_DATE = "Date of oral notification";
    static final String ORAL_TIME = "Time of oral notification";
    static final String WRITTEN_DATE = "Date of written notification";
    static final String WRITTEN_TIME = "Time of written notification";
    static final String RESOLUTION = "Resolution description";

    private static final List<Column> COLUMNS = List.of(
            Column.required(FIRST_NAME, Check.text(Enrollee.NAME_MAX)),
            Column.required(LAST_NAME, Check.text(Enrollee.NAME_MAX)),
            Column.required(ENROLLEE_ID, Check.pattern(Enrollee.MBI, "is not a Medicare Beneficiary Identifier (MBI)")),
            Column.required(CONTRACT_ID, Check.pattern("[A-Z][0-9]{4}", "is not a contract number such as H1234")),
            Column.required(PBP, Check.pattern("[0-9]{3}", "is not a plan benefit package such as 001")),
            Column.requiredOrNone(FDR, Check.text(200)),
            Column.required(GRIEVANCE_ID, Check.text(40)),
            Column.required(REQUESTER, Check.oneOf(Set.of("E", "ER"))),
            Column.required(RECEIVED_DATE, Check.cmsDate()),
            Column.requiredOrNone(RECEIVED_TIME, Check.cmsTime()),
            Column.required(CATEGORY, Check.oneOf(Set.copyOf(UniverseCategory.PART_C))),
            Column.required(ISSUE, Check.text(4000)),
            Column.required(EXPEDITED, Check.yesNo()),
            Column.required(EXTENSION, Check.yesNo()),
            Column.requiredOrNone(EXTENSION_REASON, Check.yesNo()),
            Column.requiredOrNone(EXTENSION_RIGHT, Check.yesNo()),
            Column.requiredOrNone(EXTENSION_DATE, Check.cmsDate()),
            Column.required(RESOLVED_DATE, Check.cmsDate()),
            Column.required(RESOLVED_TIME, Check.cmsTime()),
            Column.requiredOrNone(ORAL_DATE, Check.cmsDate()),
            Column.requiredOrNone(ORAL_TIME, Check.cmsTime()),
            Column.requiredOrNone(WRITTEN_DATE, Check.cmsDate()),
            Column.requiredOrNone(WRITTEN_TIME, Check.cmsTime()),
            Column.required(RESOLUTION, Check.text(4000)));

    private final PlanContracts contracts;

    PartCUniverse(PlanContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public ExportName name() {
        return ExportName.PART_C_GRIEVANCES;
    }

    @Override
    public String sheetName() {
        return "GRV_C";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<ExportTable.Row> rows(List<GrievanceFacts> facts) {
        return facts.stream().filter(GrievanceFacts::inUniverse).map(this::row).toList();
    }

    private ExportTable.Row row(GrievanceFacts f) {
        PlanContracts.Contract contract = contracts.of(f);
        Map<String, String> c = new LinkedHashMap<>();
        c.put(FIRST_NAME, Enrollee.firstName(f.patientName()));
        c.put(LAST_NAME, Enrollee.lastName(f.patientName()));
        c.put(ENROLLEE_ID, Enrollee.mbi(f.memberId()));
        c.put(CONTRACT_ID, contract.contractId());
        c.put(PBP, contract.pbp());
        // the engine records no delegation to a first-tier, downstream or related entity: the plan decided
        c.put(FDR, Cells.NONE);
        c.put(GRIEVANCE_ID, f.caseNumber());
        c.put(REQUESTER, f.requester());
        c.put(RECEIVED_DATE, Cells.cmsDate(f.receivedAt(), f.zone()));
        // CMS asks for the time of receipt of expedited grievances only (24 hours are counted from it)
        c.put(RECEIVED_TIME, Cells.orNone(f.expedited(), Cells.cmsTime(f.receivedAt(), f.zone())));
        c.put(CATEGORY, UniverseCategory.partC(f));
        c.put(ISSUE, f.complaintText());
        c.put(EXPEDITED, Cells.yn(f.expedited()));
        c.put(EXTENSION, Cells.yn(f.extended()));
        Extension.put(f, c, EXTENSION_REASON, EXTENSION_RIGHT, EXTENSION_DATE);
        c.put(RESOLVED_DATE, Cells.cmsDate(f.resolvedAt(), f.zone()));
        c.put(RESOLVED_TIME, Cells.cmsTime(f.resolvedAt(), f.zone()));
        Notifications.put(f, c, ORAL_DATE, ORAL_TIME, WRITTEN_DATE, WRITTEN_TIME);
        c.put(RESOLUTION, f.resolutionDescription());
        return row(f.caseNumber(), c);
    }

    @Override
    public void rowFaults(String key, Map<String, String> cells, List<Fault> faults) {
        if ("Y".equals(cells.get(EXPEDITED)) && Cells.NONE.equals(cells.get(RECEIVED_TIME))) {
            faults.add(new Fault(key, RECEIVED_TIME, "is None for an expedited grievance"));
        }
        Extension.rowFaults(key, cells, faults, EXTENSION, EXTENSION_REASON, EXTENSION_DATE, EXTENSION_RIGHT);
        Notifications.rowFaults(key, cells, faults, ORAL_DATE, ORAL_TIME, WRITTEN_DATE, WRITTEN_TIME);
    }
}
