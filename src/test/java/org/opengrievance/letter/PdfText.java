package org.opengrievance.letter;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader sees it (top to bottom, left to right), with runs of white space (line breaks included) made one space. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // reading order on the page, not drawing order
            return flat(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text in the order it is drawn, with all white space removed: for text set at an angle (a draft's
     * watermark), whose letters a reader sorting by position would scatter between the lines.
     */
    public static String squeezed(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
