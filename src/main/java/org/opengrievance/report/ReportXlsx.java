package org.opengrievance.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opengrievance.trends.Chart;
import org.opengrievance.trends.ChartColumn;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook (Apache POI, as the exports): a sheet "Summary" with the month and the 13
 * months' comparison, one sheet per list of cases and one per trend figure; headers bold and frozen, numbers
 * as numbers. Built in memory.
 */
@Component
class ReportXlsx {

    static final List<String> CASE_HEADERS = List.of("Case", "Department", "HCAT category", "Severity", "Status",
            "Closure reason");

    byte[] write(ReportContent r) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Sheet summary = book.createSheet("Summary");
            text(summary.createRow(0), 0, r.title(), header);
            text(summary.createRow(1), 0, "Month of receipt", null).getRow().createCell(1).setCellValue(r.month().toString());
            text(summary.createRow(2), 0, "Facility or plan", null).getRow().createCell(1)
                    .setCellValue(r.facility() == null ? "all" : r.facility());
            text(summary.createRow(3), 0, "Built by", null).getRow().createCell(1).setCellValue(r.builtBy());
            table(summary, 5, r.comparison(), header);
            cases(book.createSheet("Late responses"), r.late(), "Why it was late (director's review)", header);
            cases(book.createSheet("Abuse or neglect"), r.abuseOrNeglect(), "Actions taken", header);
            cases(book.createSheet("High severity"), r.highSeverity(), null, header);
            for (Chart c : r.charts()) {
                Sheet s = book.createSheet(sheetName(c.id()));
                text(s.createRow(0), 0, c.title(), header);
                table(s, 1, c, header);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(Sheet sheet, int first, Chart chart, CellStyle header) {
        Row head = sheet.createRow(first);
        List<ChartColumn> columns = chart.columns();
        for (int i = 0; i < columns.size(); i++) {
            text(head, i, columns.get(i).label(), header);
        }
        int r = first + 1;
        for (Map<String, Object> row : chart.rows()) {
            Row line = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.get(columns.get(i).key());
                if (v instanceof Number n) {
                    line.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    line.createCell(i).setCellValue(v.toString());
                }
            }
        }
        sheet.createFreezePane(0, first + 1);
    }

    private static void cases(Sheet sheet, List<ReportCase> cases, String noteLabel, CellStyle header) {
        List<String> headers = new ArrayList<>(CASE_HEADERS);
        if (noteLabel != null) {
            headers.add(noteLabel);
        }
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            text(head, i, headers.get(i), header);
        }
        int r = 1;
        for (ReportCase c : cases) {
            Row line = sheet.createRow(r++);
            List<String> cells = new ArrayList<>(caseCells(c));
            if (noteLabel != null) {
                cells.add(c.note());
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null) {
                    line.createCell(i).setCellValue(cells.get(i));
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    static List<String> caseCells(ReportCase c) {
        List<String> cells = new ArrayList<>();
        cells.add(c.caseNumber());
        cells.add(c.department());
        cells.add(c.category());
        cells.add(c.severity());
        cells.add(c.status());
        cells.add(c.closureReason());
        return cells;
    }

    /** A chart value as the PDF prints it: whole numbers without decimals, null as a dash. */
    static String display(Object v) {
        if (v == null) {
            return "\u2013";
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
        return v.toString();
    }

    private static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet name; chart ids are short words. */
    private static String sheetName(String id) {
        String name = id.replaceAll("[\\[\\]:*?/\\\\]", "");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
