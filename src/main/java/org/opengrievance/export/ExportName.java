package org.opengrievance.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.opengrievance.regime.Regime;

/** The exports an auditor can ask for, by the name in their address, and the regimes whose clocks they read. */
public enum ExportName {
    /** The Part C grievance universe (CMS-10717 ODAG table 5, GRV_C): Medicare Advantage clocks. */
    PART_C_GRIEVANCES("part-c-grievances", List.of(Regime.MEDICARE_ADVANTAGE)),
    /** The Part D grievance universe (CDAG): Part D clocks. */
    PART_D_GRIEVANCES("part-d-grievances", List.of(Regime.PART_D)),
    /** The hospital's grievance log (CMS-HOSP-3, -8, -10): hospital clocks. */
    HOSPITAL_GRIEVANCE_LOG("hospital-grievance-log", List.of(Regime.HOSPITAL_COP)),
    /** Received, on time, late, extended and days to the written response, per regime and month of receipt. */
    TIMELINESS("timeliness", List.of(Regime.values()));

    private final String path;
    private final List<Regime> regimes;

    ExportName(String path, List<Regime> regimes) {
        this.path = path;
        this.regimes = regimes;
    }

    String path() {
        return path;
    }

    List<Regime> regimes() {
        return regimes;
    }

    static Optional<ExportName> of(String path) {
        return Arrays.stream(values()).filter(n -> n.path.equals(path)).findFirst();
    }

    /** The names of every export, as their addresses spell them. */
    public static List<String> paths() {
        return Arrays.stream(values()).map(ExportName::path).toList();
    }

    static String known() {
        return String.join(", ", paths());
    }
}
