package org.opengrievance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of the exports that need no database: percentiles, categories, enrollee columns, CSV, validation. */
class ExportRulesTests {

    @Test
    void percentilesAreNearestRankOverTheObservedValues() {
        List<Long> days = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 30L);
        assertThat(TimelinessReport.nearestRank(days, 50)).isEqualTo("5");
        assertThat(TimelinessReport.nearestRank(days, 90)).isEqualTo("9");
        assertThat(TimelinessReport.nearestRank(List.of(4L, 9L), 50)).isEqualTo("4");
        assertThat(TimelinessReport.nearestRank(List.of(4L, 9L), 90)).isEqualTo("9");
        assertThat(TimelinessReport.nearestRank(List.of(7L), 90)).isEqualTo("7");
        assertThat(TimelinessReport.nearestRank(List.of(), 50)).isEqualTo("None");
    }

    @Test
    void theCategoryFollowsTheTriggerThenQualityOfCareThenTheServiceArea() {
        assertThat(UniverseCategory.partC(facts("OTHER", false, "MA_PLAN_EXTENDED_DETERMINATION"))).isEqualTo("OD/Reconsideration Process");
        assertThat(UniverseCategory.partC(facts("BILLING", true, null))).isEqualTo("Quality of Care");
        assertThat(UniverseCategory.partC(facts("BILLING", false, null))).isEqualTo("Benefit Package");
        assertThat(UniverseCategory.partC(facts("NURSING", false, null))).isEqualTo("Access");
        assertThat(UniverseCategory.partC(facts("DIETARY", false, null))).isEqualTo("Other");
        assertThat(UniverseCategory.partD(facts("OTHER", true, "PD_REFUSED_EXPEDITED_COVERAGE_DETERMINATION")))
                .isEqualTo("Coverage Determinations/Exceptions Process");
        assertThat(UniverseCategory.partD(facts("BILLING", false, null))).isEqualTo("Plan Benefits");
        assertThat(UniverseCategory.partD(facts("PHYSICIAN", false, null))).isEqualTo("Other");
        for (String area : List.of("NURSING", "EMERGENCY", "PHYSICIAN", "BILLING", "DIETARY", "FACILITIES", "OTHER")) {
            assertThat(UniverseCategory.PART_C).contains(UniverseCategory.partC(facts(area, false, null)));
            assertThat(UniverseCategory.PART_D).contains(UniverseCategory.partD(facts(area, false, null)));
        }
    }

    @Test
    void theEnrolleeColumnsSplitTheNameAndWriteTheMbiAsCmsWantsIt() {
        assertThat(Enrollee.firstName("  Jordan  Lee Rivera ")).isEqualTo("Jordan Lee");
        assertThat(Enrollee.lastName("  Jordan  Lee Rivera ")).isEqualTo("Rivera");
        assertThat(Enrollee.firstName("Cher")).isNull();
        assertThat(Enrollee.lastName("Cher")).isEqualTo("Cher");
        assertThat(Enrollee.mbi("1eg4-te5-mk73")).isEqualTo("1EG4TE5MK73");
        assertThat(Enrollee.mbi(" ")).isNull();
        assertThat("1EG4TE5MK73").matches(Enrollee.MBI);
        // 0 first; S, L, O, I, B, Z are never used; a letter where a digit belongs
        assertThat(List.of("0EG4TE5MK73", "1SG4TE5MK73", "1EG4TO5MK73", "1EGATE5MK73", "1EG4TE5MK7"))
                .noneMatch(id -> id.matches(Enrollee.MBI));
    }

    @Test
    void csvQuotesWhatNeedsItAndNeverLetsACellRunAsAFormula() {
        ExportTable table = new ExportTable(ExportName.TIMELINESS, "T", List.of(Column.optional("a", Check.text(99)),
                Column.optional("b", Check.text(99)), Column.count("n")),
                List.of(new ExportTable.Row("1", List.of("say \"hi\", then\nleave", "=HYPERLINK(\"x\")", "3")),
                        new ExportTable.Row("2", java.util.Arrays.asList("-1", null, "0"))));
        String csv = new String(CsvWriter.write(table), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("a,b,n\r\n\"say \"\"hi\"\", then\nleave\",\"'=HYPERLINK(\"\"x\"\")\",3\r\n'-1,,0\r\n");
    }

    @Test
    void theValidatorNamesEachRowAndFieldAndAcceptsNoneOnlyWhereTheLayoutDoes() {
        Layout layout = new Layout() {
            @Override
            public ExportName name() {
                return ExportName.PART_C_GRIEVANCES;
            }

            @Override
            public String sheetName() {
                return "T";
            }

            @Override
            public List<Column> columns() {
                return List.of(Column.required("Date", Check.cmsDate()), Column.requiredOrNone("Time", Check.cmsTime()),
                        Column.optional("Note", Check.text(3)));
            }

            @Override
            public List<ExportTable.Row> rows(List<GrievanceFacts> facts) {
                return List.of();
            }
        };
        List<ExportTable.Row> rows = new ArrayList<>();
        rows.add(new ExportTable.Row("GRV-1", java.util.Arrays.asList("2024/02/29", "None", null)));
        rows.add(new ExportTable.Row("GRV-2", java.util.Arrays.asList("2023/02/29", "24:00:00", "long")));
        rows.add(new ExportTable.Row("GRV-3", java.util.Arrays.asList("None", "", "ok")));
        List<Fault> faults = ExportValidator.faults(layout, new ExportTable(layout.name(), "T", layout.columns(), rows));
        assertThat(faults).containsExactly(
                new Fault("GRV-2", "Date", "is not a date written CCYY/MM/DD"),
                new Fault("GRV-2", "Time", "is not a time written HH:MM:SS (24-hour clock)"),
                new Fault("GRV-2", "Note", "is longer than 3 characters"),
                new Fault("GRV-3", "Date", "is not a date written CCYY/MM/DD"),
                new Fault("GRV-3", "Time", "is empty"));

        ExportTable missingColumn = new ExportTable(layout.name(), "T", layout.columns().subList(0, 2), List.of());
        assertThat(ExportValidator.faults(layout, missingColumn)).containsExactly(new Fault("header", "Note", "is missing"));
    }

    @Test
    void theCmsFormatsAreDateSlashesAndTwentyFourHourTimeInTheClocksZone() {
        Instant t = Instant.parse("2024-03-10T08:30:05Z");
        ZoneId chicago = ZoneId.of("America/Chicago");
        assertThat(Cells.cmsDate(t, chicago)).isEqualTo("2024/03/10");
        assertThat(Cells.cmsTime(t, chicago)).isEqualTo("03:30:05");
        assertThat(Cells.cmsTime(Instant.parse("2024-03-10T20:30:05Z"), chicago)).isEqualTo("15:30:05");
        assertThat(Cells.logDateTime(t, ZoneId.of("America/New_York"))).isEqualTo("2024-03-10 04:30");
    }

    static GrievanceFacts facts(String area, boolean qualityOfCare, String trigger) {
        return new GrievanceFacts("GRV-1", "MEDICARE_ADVANTAGE", ZoneId.of("America/Chicago"), Instant.EPOCH, "Plan",
                "LETTER", "Facility", "A B", "text", area, "GRIEVANCE", null, "CONFIRMED", "OPEN", null, null, null,
                qualityOfCare, "E", null, trigger != null, trigger, Instant.EPOCH, null, 0, null, false, null, null, null,
                null, null);
    }
}
