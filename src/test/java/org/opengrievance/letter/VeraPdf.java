package org.opengrievance.letter;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, run on a PDF in memory against one profile (letters, reports). */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** One failed rule: its clause and test number, what it checks, and how often it failed. */
    public record Failure(String rule, String description, long count) {
        @Override
        public String toString() {
            return rule + " (" + count + "x): " + description;
        }
    }

    /** The outcome: the rules that failed (empty when the file conforms) and how many checks were run. */
    public record Report(PDFAFlavour flavour, boolean compliant, List<Failure> failures, int checks) {
    }

    private VeraPdf() {
    }

    public static Report validate(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            List<TestAssertion> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED).toList();
            List<Failure> failures = result.getFailedChecks().entrySet().stream()
                    .map(e -> new Failure(e.getKey().getClause() + "-" + e.getKey().getTestNumber(),
                            failed.stream().filter(a -> a.getRuleId().equals(e.getKey())).map(TestAssertion::getMessage)
                                    .findFirst().orElse(""), e.getValue()))
                    .sorted(java.util.Comparator.comparing(Failure::rule)).toList();
            return new Report(flavour, result.isCompliant(), failures, result.getTotalAssertions());
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF", e);
        }
    }
}
