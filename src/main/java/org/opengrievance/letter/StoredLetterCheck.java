package org.opengrievance.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Checks a stored letter after the fact, for an auditor: the letter's content is not stored (only the PDF), so
 * the required elements cannot be checked again field by field. What can be shown is that these very bytes
 * passed {@link LetterRules} when they were approved (the approval record names their SHA-256, and
 * {@link LetterService#approve} stores nothing that fails the rules), that the bytes are unchanged, that the
 * PDF says it is this letter (its archival metadata) and not a draft, and that it carries what every template
 * must ({@link LetterTemplateCheck}: the case number, the language assistance notice).
 */
@Component
public class StoredLetterCheck {

    /** The HHS Office for Civil Rights line of the language assistance notice: the same in every language. */
    static final String ASSISTANCE_MARK = "1-800-368-1019";

    /**
     * The outcome for one letter. {@code requiredElements} are the elements {@link LetterRules} requires of a
     * letter of its kind and rule set, in words; {@code problems} is empty when the check passes.
     */
    public record Result(LetterSummary letter, boolean hashVerified, List<String> requiredElements,
            List<String> problems, byte[] pdf) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final LetterService letters;
    private final LetterRepository repository;
    private final LetterRules rules;

    StoredLetterCheck(LetterService letters, LetterRepository repository, LetterRules rules) {
        this.letters = letters;
        this.repository = repository;
        this.rules = rules;
    }

    /** The check of one stored letter; the PDF bytes come with it only when they match their recorded hash. */
    public Result check(LetterSummary letter) {
        List<String> problems = new ArrayList<>();
        LetterIntegrity integrity = letters.verify(letter.id());
        byte[] pdf = null;
        if (integrity.intact()) {
            pdf = letters.pdf(letter.id());
        } else {
            problems.add("the stored PDF no longer matches the SHA-256 recorded at approval");
        }
        approval(letter, problems);
        if (pdf != null) {
            content(letter, pdf, problems);
        }
        return new Result(letter, integrity.intact(), requiredElements(letter), List.copyOf(problems), pdf);
    }

    /** The approval event names the hash: these bytes are the ones the rules passed. */
    private void approval(LetterSummary letter, List<String> problems) {
        boolean approved = repository.events(letter.id(), ZoneOffset.UTC).stream()
                .anyMatch(e -> LetterService.APPROVED.equals(e.event()) && e.detail() != null
                        && e.detail().contains("sha256=" + letter.sha256()));
        if (!approved) {
            problems.add("no approval record names these bytes, so their required-element check cannot be shown");
        }
        if (letter.approvedBy() == null || letter.approvedAt() == null) {
            problems.add("the letter records no approver or approval time");
        }
        Regime regime = regime(letter);
        if (regime == null || !letter.kind().appliesTo(regime)) {
            problems.add("a " + letter.kind().label() + " is not a letter its rule set sends");
        }
    }

    private static void content(LetterSummary letter, byte[] pdf, List<String> problems) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            String xmp = metadata == null ? "" : new String(metadata.toByteArray(), StandardCharsets.UTF_8);
            fact(xmp, "caseNumber", letter.caseNumber(), problems);
            fact(xmp, "letterKind", letter.kind().name(), problems);
            fact(xmp, "language", letter.language(), problems);
            fact(xmp, "templateVersion", letter.templateVersion(), problems);
            if ("true".equals(value(xmp, "draft"))) {
                problems.add("the PDF is marked as a draft");
            }
            // without white space: a line may break inside a number after its hyphen
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            if (!text.contains(letter.caseNumber())) {
                problems.add("the letter's text does not carry the case number");
            }
            if (!text.contains(ASSISTANCE_MARK)) {
                problems.add("the letter's text does not carry the language assistance notice");
            }
        } catch (IOException e) {
            problems.add("the stored PDF cannot be read as a PDF");
        }
    }

    private static void fact(String xmp, String name, String expected, List<String> problems) {
        String actual = value(xmp, name);
        if (actual == null || !actual.equals(expected)) {
            problems.add("the PDF's metadata does not name " + name + " " + expected);
        }
    }

    private static String value(String xmp, String name) {
        Matcher m = Pattern.compile("<" + ArchivalMetadata.PREFIX + ":" + name + ">([^<]*)</").matcher(xmp);
        return m.find() ? m.group(1).strip() : null;
    }

    /** What LetterRules asks of a blank letter of this kind, rule set and language: every element it must carry. */
    private List<String> requiredElements(LetterSummary letter) {
        Regime regime = regime(letter);
        if (regime == null) {
            return List.of();
        }
        return rules.missing(LetterContent.builder(letter.kind(), regime, letter.language(), letter.caseNumber()).build());
    }

    private static Regime regime(LetterSummary letter) {
        try {
            return Regime.valueOf(letter.regime());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
