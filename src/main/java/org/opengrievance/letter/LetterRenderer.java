package org.opengrievance.letter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import org.opengrievance.clock.Regime;
import org.opengrievance.letter.LetterContent.IssueLine;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ITemplateResource;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Fills a letter template (Thymeleaf, HTML mode: {@code th:text} escapes, so patient text stays text) and
 * renders the result to PDF with openhtmltopdf. The template may load nothing from outside (no files, no
 * network): pictures go in as {@code data:} URIs.
 */
public final class LetterRenderer {

    /** The CSS font family a configured TrueType font is registered under; templates list it first. */
    public static final String FONT_FAMILY = "letter-font";
    private static final String SOURCE = LetterRenderer.class.getName() + ".source";

    private final LetterTemplates templates;
    private final File fontRegular;
    private final File fontBold;
    private final TemplateEngine thymeleaf = new TemplateEngine();

    static {
        XRLog.setLoggerImpl(new RendererLog());
    }

    /** A rendered letter: the PDF, and the version of the template that produced it. */
    public record Rendered(byte[] pdf, String templateVersion) {
    }

    public LetterRenderer(LetterTemplates templates, String fontRegular, String fontBold) {
        this.templates = templates;
        this.fontRegular = font(fontRegular);
        this.fontBold = font(fontBold);
        thymeleaf.setTemplateResolver(new GivenSourceResolver());
    }

    private static File font(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        File f = new File(path);
        if (!f.isFile()) {
            throw new IllegalStateException("Letter font not found: " + path);
        }
        return f;
    }

    /** The PDF of this letter. Checks only that the text can be printed; required elements are {@link LetterRules}' job. */
    public Rendered render(LetterContent content) {
        Html html = html(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.withProducer("OpenGrievance letters");
            b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            if (fontRegular != null) {
                b.useFont(fontRegular, FONT_FAMILY, 400, FontStyle.NORMAL, true);
                b.useFont(fontBold != null ? fontBold : fontRegular, FONT_FAMILY, 700, FontStyle.NORMAL, true);
            }
            b.withW3cDocument(html.document(), "about:blank");
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new IllegalStateException("The letter could not be rendered from " + html.source().path(), e);
        }
        return new Rendered(out.toByteArray(), html.version());
    }

    /** The filled-in template: the XHTML the PDF is made from, and the template version. */
    record Html(LetterTemplates.Source source, String xhtml, Document document, String version) {
    }

    Html html(LetterContent content) {
        List<String> unprintable = unprintable(content);
        if (!unprintable.isEmpty()) {
            throw new LetterValidationException(content.kind(), unprintable);
        }
        LetterTemplates.Source source = templates.load(content.kind(), content.language());
        Locale locale = Locale.forLanguageTag(content.language());
        Context context = new Context(locale, model(content, locale));
        String xhtml = thymeleaf.process(new TemplateSpec(source.path(), null, TemplateMode.HTML,
                Map.of(SOURCE, source.text())), context);
        Document doc;
        try {
            doc = LetterTemplates.parseXml(xhtml, true);
        } catch (SAXParseException e) {
            throw new IllegalStateException(source.path() + " does not produce well-formed XHTML (line "
                    + e.getLineNumber() + "): " + e.getMessage());
        }
        String meta = LetterTemplates.versionMeta(doc);
        if (meta == null) {
            throw new IllegalStateException(source.path() + " has no <meta name=\"" + LetterTemplates.VERSION_META
                    + "\" content=\"...\"/>");
        }
        return new Html(source, xhtml, doc, meta + "+" + source.sha256().substring(0, 12));
    }

    /**
     * The variables a template sees. Dates are already written out in the letter's language; null means
     * "not given" (use {@code th:if}).
     */
    static Map<String, Object> model(LetterContent c, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, Object> m = new LinkedHashMap<>();
        Regime regime = c.regime();
        m.put("kind", c.kind() == null ? null : c.kind().name());
        m.put("regime", regime == null ? null : regime.name());
        m.put("hospital", regime != null && !regime.isPlan());
        m.put("plan", regime != null && regime.isPlan());
        m.put("medicarePlan", regime != null && LetterRules.isMedicarePlan(regime));
        m.put("medicaidPlan", regime == Regime.MEDICAID || regime == Regime.CHIP);
        m.put("chip", regime == Regime.CHIP);
        m.put("caseNumber", c.caseNumber());
        m.put("patientName", c.patientName());
        m.put("memberId", blankToNull(c.memberId()));
        m.put("addressLines", c.mailingAddress() == null ? List.of()
                : c.mailingAddress().lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        m.put("organizationName", c.organizationName());
        m.put("letterDate", date(c.letterDate(), dates));
        m.put("receivedDate", date(c.receivedDate(), dates));
        m.put("complaintSummary", blankToNull(c.complaintSummary()));
        List<Map<String, Object>> issues = new ArrayList<>();
        for (int i = 0; i < c.issues().size(); i++) {
            IssueLine line = c.issues().get(i);
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("number", i + 1);
            issue.put("description", line == null ? null : line.description());
            issue.put("answer", line == null ? null : line.answer());
            issues.add(issue);
        }
        m.put("issues", issues);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", c.contact() == null ? null : c.contact().name());
        contact.put("title", c.contact() == null ? null : blankToNull(c.contact().title()));
        contact.put("phone", c.contact() == null ? null : c.contact().phone());
        m.put("contact", contact);
        m.put("stepsTaken", blankToNull(c.stepsTaken()));
        m.put("results", blankToNull(c.results()));
        m.put("completionDate", date(c.completionDate(), dates));
        m.put("medicareBeneficiary", c.medicareBeneficiary());
        m.put("qualityOfCare", c.qualityOfCare());
        m.put("prematureDischarge", c.prematureDischarge());
        m.put("qioParagraph", LetterRules.qioParagraphRequired(c));
        Map<String, Object> qio = new LinkedHashMap<>();
        qio.put("name", c.qio() == null ? null : c.qio().name());
        qio.put("phone", c.qio() == null ? null : c.qio().phone());
        qio.put("tty", c.qio() == null ? null : blankToNull(c.qio().tty()));
        qio.put("address", c.qio() == null ? null : c.qio().address());
        m.put("qio", qio);
        m.put("responseDueDate", date(c.responseDueDate(), dates));
        m.put("followUpDate", date(c.followUpDate(), dates));
        Map<String, Object> ext = new LinkedHashMap<>();
        LetterContent.Extension e = c.extension();
        ext.put("reason", e == null ? null : e.reason());
        ext.put("newDueDate", e == null ? null : date(e.newDueDate(), dates));
        ext.put("requestedByEnrollee", e != null && e.requestedBy() == LetterContent.ExtensionRequester.ENROLLEE);
        ext.put("requestedByPlan", e != null && e.requestedBy() == LetterContent.ExtensionRequester.PLAN);
        ext.put("informationNeeded", e == null ? null : blankToNull(e.informationNeeded()));
        ext.put("enrolleeInterest", e == null ? null : blankToNull(e.enrolleeInterest()));
        m.put("extension", ext);
        m.put("expeditedGrievanceRight", LetterRules.expeditedGrievanceRight(c));
        m.put("grievanceRightOnExtension", LetterRules.grievanceRightOnExtension(c));
        m.put("handledAs", c.handledAs() == null ? null : c.handledAs().name());
        m.put("grievance", c.handledAs() == LetterContent.HandledAs.GRIEVANCE);
        m.put("appeal", c.handledAs() == LetterContent.HandledAs.APPEAL);
        m.put("classificationExplanation", blankToNull(c.classificationExplanation()));
        m.put("stateAgencyContact", blankToNull(c.stateAgencyContact()));
        return m;
    }

    /**
     * Without an embedded font the standard PDF fonts print Western European characters only (Windows-1252);
     * anything else would come out as '#'. Name each field that cannot be printed rather than mangle a name.
     */
    private List<String> unprintable(LetterContent c) {
        if (fontRegular != null) {
            return List.of();
        }
        CharsetEncoder cp1252 = Charset.forName("windows-1252").newEncoder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("the patient's name", c.patientName());
        fields.put("the member ID", c.memberId());
        fields.put("the mailing address", c.mailingAddress());
        fields.put("the name of the hospital or plan", c.organizationName());
        fields.put("the complaint summary", c.complaintSummary());
        for (int i = 0; i < c.issues().size(); i++) {
            IssueLine line = c.issues().get(i);
            if (line != null) {
                fields.put("the description of issue " + (i + 1), line.description());
                fields.put("the answer to issue " + (i + 1), line.answer());
            }
        }
        if (c.contact() != null) {
            fields.put("the contact person's name", c.contact().name());
            fields.put("the contact person's title", c.contact().title());
            fields.put("the contact person's phone", c.contact().phone());
        }
        fields.put("the steps taken", c.stepsTaken());
        fields.put("the results", c.results());
        if (c.qio() != null) {
            fields.put("the QIO's name", c.qio().name());
            fields.put("the QIO's address", c.qio().address());
        }
        if (c.extension() != null) {
            fields.put("the reason for the extension", c.extension().reason());
            fields.put("the additional information needed", c.extension().informationNeeded());
            fields.put("how the delay is in the enrollee's interest", c.extension().enrolleeInterest());
        }
        fields.put("the classification explanation", c.classificationExplanation());
        fields.put("the State agency contact", c.stateAgencyContact());
        List<String> problems = new ArrayList<>();
        fields.forEach((label, text) -> {
            if (text != null && !cp1252.canEncode(text)) {
                problems.add(label + " in characters the letter font can print (it has characters beyond "
                        + "Western European script; an administrator can set grievance.letters.font-regular to a "
                        + "Unicode TrueType font)");
            }
        });
        return problems;
    }

    private static String date(LocalDate d, DateTimeFormatter f) {
        return d == null ? null : f.format(d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Hands Thymeleaf the template text this renderer already read (so the recorded hash is of what ran). */
    private static final class GivenSourceResolver implements ITemplateResolver {

        @Override
        public String getName() {
            return "letter-source";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate,
                String template, Map<String, Object> attributes) {
            Object text = attributes == null ? null : attributes.get(SOURCE);
            if (!(text instanceof String source)) {
                return null; // letters are self-contained: no fragments from other files
            }
            return new TemplateResolution(new GivenSource(template, source), TemplateMode.HTML,
                    NonCacheableCacheEntryValidity.INSTANCE);
        }
    }

    private record GivenSource(String path, String text) implements ITemplateResource {

        @Override
        public String getDescription() {
            return path;
        }

        @Override
        public String getBaseName() {
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            return name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public Reader reader() {
            return new StringReader(text);
        }

        @Override
        public ITemplateResource relative(String relativeLocation) {
            throw new UnsupportedOperationException("letter templates are self-contained: " + relativeLocation);
        }
    }
}
