package org.opengrievance.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts every letter embeds: DejaVu Sans, shipped inside the application ({@code fonts/} on the class
 * path), so that a letter is the same PDF/A on every machine and no font of the operating system is needed.
 * An administrator may add one more TrueType font for scripts DejaVu lacks (Chinese, Korean, ...); it is
 * registered as a second family that the renderer falls back to glyph by glyph.
 */
final class LetterFonts {

    /** The CSS family of the shipped fonts; the shared styles list it first. */
    static final String FAMILY = "letter-font";
    /** The CSS family of the administrator's additional font, listed second. */
    static final String EXTRA_FAMILY = "letter-font-extra";

    private record Face(String family, byte[] bytes, int weight, FontStyle style) {
    }

    private final List<Face> faces = new ArrayList<>();
    private final List<CmapLookup> coverage = new ArrayList<>();

    /**
     * @param extraRegular optional path of an additional TrueType font (regular), null for none
     * @param extraBold    optional path of its bold face
     */
    LetterFonts(String extraRegular, String extraBold) {
        byte[] regular = shipped("DejaVuSans.ttf");
        faces.add(new Face(FAMILY, regular, 400, FontStyle.NORMAL));
        faces.add(new Face(FAMILY, shipped("DejaVuSans-Bold.ttf"), 700, FontStyle.NORMAL));
        faces.add(new Face(FAMILY, shipped("DejaVuSans-Oblique.ttf"), 400, FontStyle.ITALIC));
        faces.add(new Face(FAMILY, shipped("DejaVuSans-BoldOblique.ttf"), 700, FontStyle.ITALIC));
        coverage.add(cmap(regular, "DejaVuSans.ttf"));
        if (extraRegular != null && !extraRegular.isBlank()) {
            byte[] extra = file(extraRegular);
            faces.add(new Face(EXTRA_FAMILY, extra, 400, FontStyle.NORMAL));
            faces.add(new Face(EXTRA_FAMILY, extraBold == null || extraBold.isBlank() ? extra : file(extraBold), 700,
                    FontStyle.NORMAL));
            coverage.add(cmap(extra, extraRegular));
        }
    }

    /** Registers every face, embedded as a subset (PDF/A needs every font embedded). */
    void register(PdfRendererBuilder b) {
        for (Face f : faces) {
            b.useFont(() -> new ByteArrayInputStream(f.bytes()), f.family(), f.weight(), f.style(), true);
        }
    }

    /** Whether some letter font has a glyph for every character of the text (white space aside). */
    boolean canPrint(String text) {
        return text == null || text.codePoints().allMatch(this::canPrint);
    }

    private boolean canPrint(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
            return true;
        }
        for (CmapLookup c : coverage) {
            if (c.getGlyphId(codePoint) > 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] shipped(String name) {
        try (InputStream in = LetterFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The letter font fonts/" + name + " is missing from the application");
            }
            return withoutLigatures(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font with its glyph substitution table (GSUB) hidden: PDFBox would otherwise set "fi" and "fl" as one
     * ligature glyph, which text extraction, search and some screen readers then read as the single character
     * U+FB01. The table's tag is renamed in the table directory (the order of the tags is kept); the subset
     * embedded in the letter leaves unknown tables out. DejaVu Sans needs no substitution for the scripts it
     * prints: its accented letters are precomposed.
     */
    static byte[] withoutLigatures(byte[] ttf) {
        int tables = ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (ttf[record] == 'G' && ttf[record + 1] == 'S' && ttf[record + 2] == 'U' && ttf[record + 3] == 'B') {
                byte[] copy = ttf.clone();
                copy[record + 3] = 'b';
                return copy;
            }
        }
        return ttf;
    }

    private static byte[] file(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Letter font not found: " + path);
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup cmap(byte[] bytes, String name) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup lookup = ttf.getUnicodeCmapLookup();
            // the lookup is read eagerly, so it outlives the font file
            return lookup;
        } catch (IOException e) {
            throw new IllegalStateException("Letter font unreadable: " + name, e);
        }
    }
}
