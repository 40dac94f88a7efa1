package org.opengrievance.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The same table as an Excel workbook (Apache POI): one sheet, the header row in bold and frozen, every cell as
 * text formatted as text ("001" stays 001, CCYY/MM/DD is not turned into a date), whole numbers as numbers.
 * Built in memory, never in temporary files: the export holds PHI.
 */
final class XlsxWriter {

    private XlsxWriter() {
    }

    static byte[] write(ExportTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(table.sheetName());
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle header = book.createCellStyle();
            header.cloneStyleFrom(text);
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            List<Column> columns = table.columns();
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellStyle(header);
                cell.setCellValue(columns.get(i).header());
            }
            int r = 1;
            for (ExportTable.Row row : table.rows()) {
                Row line = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    String value = row.cells().get(i);
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    Cell cell = line.createCell(i);
                    if (columns.get(i).number() && !Cells.NONE.equals(value)) {
                        cell.setCellValue(Long.parseLong(value));
                    } else {
                        cell.setCellStyle(text);
                        cell.setCellValue(value);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
