package org.opengrievance.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The Part D grievance universe: the columns of the CDAG grievance template (A.3.1, [C]) in its order, written
 * the way the current protocol writes the ones it shares with its other tables (enrollee first and last name and
 * the MBI instead of the name and HICN, contract and PBP: CMS-10717), with the facts the Part C table is known to
 * ask for added where they belong (requester, extension). docs/audit-exports.md says where it had to choose.
 */
@Component
class PartDUniverse implements Layout {

    static final String HOW_RECEIVED = "How the grievance was received";
    static final String RECEIVED_TIME = "Time grievance received";

    /** How intake's channels read in the universe's "How received" column. */
    static final Map<String, String> HOW = Map.of(
            "LETTER", "Written letter",
            "EMAIL", "Email",
            "FAX", "Fax",
            "PORTAL", "Web portal",
            "PHONE", "Telephone",
            "IN_PERSON", "In person");

    private static final List<Column> COLUMNS = List.of(
            Column.required(PartCUniverse.FIRST_NAME, Check.text(Enrollee.NAME_MAX)),
            Column.required(PartCUniverse.LAST_NAME, Check.text(Enrollee.NAME_MAX)),
            Column.required(PartCUniverse.ENROLLEE_ID, Check.pattern(Enrollee.MBI, "is not a Medicare Beneficiary Identifier (MBI)")),
            Column.required(PartCUniverse.CONTRACT_ID, Check.pattern("[A-Z][0-9]{4}", "is not a contract number such as S1234")),
            Column.required(PartCUniverse.PBP, Check.pattern("[0-9]{3}", "is not a plan benefit package such as 001")),
            Column.required(PartCUniverse.GRIEVANCE_ID, Check.text(40)),
            Column.required(PartCUniverse.REQUESTER, Check.oneOf(Set.of("E", "ER"))),
            Column.required(PartCUniverse.RECEIVED_DATE, Check.cmsDate()),
            Column.required(RECEIVED_TIME, Check.cmsTime()),
            Column.required(HOW_RECEIVED, Check.oneOf(Set.copyOf(HOW.values()))),
            Column.required(PartCUniverse.CATEGORY, Check.oneOf(Set.copyOf(UniverseCategory.PART_D))),
            Column.required(PartCUniverse.ISSUE, Check.text(4000)),
            Column.required(PartCUniverse.EXPEDITED, Check.yesNo()),
            Column.required(PartCUniverse.EXTENSION, Check.yesNo()),
            Column.requiredOrNone(PartCUniverse.EXTENSION_REASON, Check.yesNo()),
            Column.requiredOrNone(PartCUniverse.EXTENSION_DATE, Check.cmsDate()),
            Column.requiredOrNone(PartCUniverse.ORAL_DATE, Check.cmsDate()),
            Column.requiredOrNone(PartCUniverse.ORAL_TIME, Check.cmsTime()),
            Column.requiredOrNone(PartCUniverse.WRITTEN_DATE, Check.cmsDate()),
            Column.requiredOrNone(PartCUniverse.WRITTEN_TIME, Check.cmsTime()),
            Column.required(PartCUniverse.RESOLUTION, Check.text(4000)));

    private final PlanContracts contracts;

    PartDUniverse(PlanContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public ExportName name() {
        return ExportName.PART_D_GRIEVANCES;
    }

    @Override
    public String sheetName() {
        return "Part D grievances";
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
        c.put(PartCUniverse.FIRST_NAME, Enrollee.firstName(f.patientName()));
        c.put(PartCUniverse.LAST_NAME, Enrollee.lastName(f.patientName()));
        c.put(PartCUniverse.ENROLLEE_ID, Enrollee.mbi(f.memberId()));
        c.put(PartCUniverse.CONTRACT_ID, contract.contractId());
        c.put(PartCUniverse.PBP, contract.pbp());
        c.put(PartCUniverse.GRIEVANCE_ID, f.caseNumber());
        c.put(PartCUniverse.REQUESTER, f.requester());
        c.put(PartCUniverse.RECEIVED_DATE, Cells.cmsDate(f.receivedAt(), f.zone()));
        // the CDAG template asks for the time of every grievance's receipt, not only the expedited ones'
        c.put(RECEIVED_TIME, Cells.cmsTime(f.receivedAt(), f.zone()));
        c.put(HOW_RECEIVED, HOW.get(f.channel()));
        c.put(PartCUniverse.CATEGORY, UniverseCategory.partD(f));
        c.put(PartCUniverse.ISSUE, f.complaintText());
        c.put(PartCUniverse.EXPEDITED, Cells.yn(f.expedited()));
        c.put(PartCUniverse.EXTENSION, Cells.yn(f.extended()));
        Extension.put(f, c, PartCUniverse.EXTENSION_REASON, null, PartCUniverse.EXTENSION_DATE);
        Notifications.put(f, c, PartCUniverse.ORAL_DATE, PartCUniverse.ORAL_TIME, PartCUniverse.WRITTEN_DATE,
                PartCUniverse.WRITTEN_TIME);
        c.put(PartCUniverse.RESOLUTION, f.resolutionDescription());
        return row(f.caseNumber(), c);
    }

    @Override
    public void rowFaults(String key, Map<String, String> cells, List<Fault> faults) {
        Extension.rowFaults(key, cells, faults, PartCUniverse.EXTENSION, PartCUniverse.EXTENSION_REASON,
                PartCUniverse.EXTENSION_DATE, null);
        Notifications.rowFaults(key, cells, faults, PartCUniverse.ORAL_DATE, PartCUniverse.ORAL_TIME,
                PartCUniverse.WRITTEN_DATE, PartCUniverse.WRITTEN_TIME);
    }
}
