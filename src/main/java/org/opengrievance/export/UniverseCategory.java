package org.opengrievance.export;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grievance category of the Part C and Part D universes, derived from what intake records: the whole
 * mapping, in one place (docs/audit-exports.md, "Grievance category"). Intake asks for no plan category, so it
 * is a choice: first the typed expedite trigger (a complaint about the plan's handling of a determination),
 * then the quality-of-care flag (MA-6), then the service area.
 */
final class UniverseCategory {

    /** Part C reporting categories (A.3.2, [M]). */
    static final List<String> PART_C = List.of("Enrollment/Disenrollment", "Benefit Package", "Access",
            "Marketing", "Customer Service", "OD/Reconsideration Process", "Quality of Care", "CMS Issues",
            "Fraud/Abuse", "Other");

    /**
     * Part D categories: the 2013 CDAG template's minimum set (A.3.1, [C]) plus Quality of Care, which the
     * template's "at a minimum" allows and which carries its own rules (written answer, QIO rights: PD-1).
     */
    static final List<String> PART_D = List.of("Enrollment/Disenrollment", "Plan Benefits", "Pharmacy Access",
            "Customer Service", "Coverage Determinations/Exceptions Process", "Appeals Process", "Quality of Care",
            "Other");

    private static final Map<String, String> PART_C_BY_AREA = Map.of(
            "BILLING", "Benefit Package",
            "PHYSICIAN", "Access",
            "EMERGENCY", "Access",
            "NURSING", "Access");

    private static final Map<String, String> PART_D_BY_AREA = Map.of(
            "BILLING", "Plan Benefits");

    private static final Set<String> PART_C_TRIGGERS = Set.of("MA_PLAN_EXTENDED_DETERMINATION",
            "MA_REFUSED_EXPEDITED_DETERMINATION");
    private static final String PART_D_TRIGGER = "PD_REFUSED_EXPEDITED_COVERAGE_DETERMINATION";

    private UniverseCategory() {
    }

    static String partC(GrievanceFacts f) {
        if (f.expediteTrigger() != null && PART_C_TRIGGERS.contains(f.expediteTrigger())) {
            return "OD/Reconsideration Process";
        }
        if (f.qualityOfCare()) {
            return "Quality of Care";
        }
        return PART_C_BY_AREA.getOrDefault(f.serviceArea(), "Other");
    }

    static String partD(GrievanceFacts f) {
        if (PART_D_TRIGGER.equals(f.expediteTrigger())) {
            return "Coverage Determinations/Exceptions Process";
        }
        if (f.qualityOfCare()) {
            return "Quality of Care";
        }
        return PART_D_BY_AREA.getOrDefault(f.serviceArea(), "Other");
    }
}
