package org.opengrievance.letter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.opengrievance.letter.LetterContent.IssueLine;
import org.opengrievance.regime.Regime;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ITemplateResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Fills a letter template (Thymeleaf, HTML mode: {@code th:text} escapes, so patient text stays text), with the
 * shared parts ({@code fragments/}) and the language's words ({@code messages.properties}), and renders the
 * result to an archival, accessible PDF (PDF/A-2a and PDF/UA-1) with openhtmltopdf. The template may load
 * nothing from outside (no files, no network): pictures go in as {@code data:} URIs.
 */
public final class LetterRenderer {

    /** The CSS font family of the shipped fonts; templates list it first. */
    public static final String FONT_FAMILY = LetterFonts.FAMILY;
    /** The words of the watermark on every page of a preview (staff read it, so it is in English). */
    public static final String DRAFT_MARK = "DRAFT \u2013 not sent";

    /** The sRGB colour space the letters' colours are in: the output intent PDF/A requires (the JDK's own profile). */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** The files one letter is being made from, for the resolvers (a render runs on one thread). */
    private static final ThreadLocal<Sources> CURRENT = new ThreadLocal<>();

    private final LetterTemplates templates;
    private final LetterFonts fonts;
    private final Clock clock;
    private final String defaultLanguage;
    private final List<String> languages;
    private final LetterProperties.Assistance assistance;
    private final LetterTranslations translations;
    private final TemplateEngine thymeleaf = new TemplateEngine();

    static {
        XRLog.setLoggerImpl(new RendererLog());
    }

    /**
     * A rendered letter: the PDF, the version of the templates that produced it, the language it is written in
     * (the default language when the recipient's has no templates: {@code fallback}), and whether it is in
     * large print.
     */
    public record Rendered(byte[] pdf, String templateVersion, String language, boolean fallback, boolean largePrint) {
    }

    /**
     * @param languages the languages letters may be written in (each with all templates and messages); empty:
     *                  every language the templates folder has
     */
    public LetterRenderer(LetterTemplates templates, LetterProperties properties, List<String> languages, Clock clock) {
        this.templates = templates;
        this.fonts = new LetterFonts(properties.fontRegular(), properties.fontBold());
        this.clock = clock;
        this.defaultLanguage = properties.defaultLanguage();
        this.languages = List.copyOf(languages.isEmpty() ? templates.languages() : languages);
        this.assistance = properties.assistance();
        this.translations = new LetterTranslations(properties.translations());
        thymeleaf.setTemplateResolver(new SourcesResolver());
        thymeleaf.setMessageResolver(new MessagesResolver());
    }

    /** The shipped defaults: every language of the templates folder, English as the fallback. */
    public LetterRenderer(LetterTemplates templates) {
        this(templates, defaults(), List.of(), Clock.systemUTC());
    }

    static LetterProperties defaults() {
        return new LetterProperties("classpath:processes/letters/", List.of(), "en",
                new LetterProperties.Assistance("Section 1557 Coordinator", "(555) 010-0100", "711", "(555) 010-0300"),
                Map.of(), null, null);
    }

    /** The languages letters are written in. */
    public List<String> languages() {
        return languages;
    }

    /** The language a letter for someone who prefers {@code requested} is written in. */
    public String languageFor(String requested) {
        return requested != null && languages.contains(requested) ? requested : defaultLanguage;
    }

    /** The PDF of this letter. Checks only that the text can be printed; required elements are {@link LetterRules}' job. */
    public Rendered render(LetterContent content) {
        return render(content, false);
    }

    /**
     * The same letter as a draft: "DRAFT – not sent" across every page, and in its title and metadata, so that
     * a preview can never pass for a letter that was sent.
     */
    public Rendered draft(LetterContent content) {
        return render(content, true);
    }

    private Rendered render(LetterContent content, boolean draft) {
        Html html = html(content);
        if (draft) {
            markDraft(html.document());
        }
        byte[] pdf = pdf(html.document(), facts(content, html, draft), html.source().path());
        return new Rendered(pdf, html.version(), html.language(), html.fallback(), content.largePrint());
    }

    /** What the metadata of a document that is not a letter says (the letter facts stay empty). */
    public record DocumentFacts(String title, String description, String language, String keywords) {
    }

    /**
     * Another document of the engine (the director's monthly report) as the same archival, accessible PDF as a
     * letter: the letters' fonts, PDF/A-2a and PDF/UA-1 with the same metadata. {@code xhtml} loads nothing from
     * outside, has a {@code <title>} and a {@code lang}.
     */
    public byte[] renderDocument(Document xhtml, DocumentFacts facts) {
        return pdf(xhtml, new ArchivalMetadata.Facts(facts.title(), facts.description(), facts.language(),
                facts.keywords(), clock.instant(), Map.of()), facts.title());
    }

    private byte[] pdf(Document document, ArchivalMetadata.Facts facts, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.withProducer(ArchivalMetadata.PRODUCER);
        b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        // archival (PDF/A-2a: embedded fonts, sRGB output intent, XMP) and accessible (PDF/UA-1: tagged)
        b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
        b.usePdfUaAccessibility(true);
        b.useColorProfile(SRGB);
        fonts.register(b);
        b.withW3cDocument(document, "about:blank");
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            try (PDDocument doc = renderer.getPdfDocument()) {
                ArchivalMetadata.apply(doc, facts);
                doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The PDF could not be rendered from " + what, e);
        }
        return out.toByteArray();
    }

    private ArchivalMetadata.Facts facts(LetterContent c, Html html, boolean draft) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseNumber", c.caseNumber());
        facts.put("letterKind", c.kind().name());
        facts.put("language", html.language());
        facts.put("requestedLanguage", c.language());
        facts.put("templateVersion", html.version());
        facts.put("largePrint", String.valueOf(c.largePrint()));
        facts.put("draft", String.valueOf(draft));
        String title = LetterTemplates.title(html.document());
        return new ArchivalMetadata.Facts(title == null ? c.kind().label() : title, title, html.language(),
                "grievance letter, " + c.kind().name() + ", " + c.caseNumber(), clock.instant(), facts);
    }

    /**
     * Puts the watermark first in the body (fixed: on every page, readable text, so a screen reader announces it
     * too) and in front of the title.
     */
    private static void markDraft(Document doc) {
        String ns = doc.getDocumentElement().getNamespaceURI();
        Element mark = doc.createElementNS(ns, "div");
        mark.setAttribute("style", "position: fixed; z-index: -1; top: 10cm; left: 0; width: 100%; text-align: center;"
                + " white-space: nowrap; transform: rotate(-35deg); font-size: 48pt; font-weight: bold; color: #c8c8c8;");
        mark.setAttribute("lang", "en");
        mark.setTextContent(DRAFT_MARK);
        Node body = doc.getElementsByTagNameNS("*", "body").item(0);
        body.insertBefore(mark, body.getFirstChild());
        Node title = doc.getElementsByTagNameNS("*", "title").item(0);
        if (title != null) {
            title.setTextContent(DRAFT_MARK + ": " + title.getTextContent().strip());
        }
    }

    /**
     * The filled-in template: the source of the letter's kind, the XHTML the PDF is made from, the template
     * version (the kind's meta version and the hash of every file that went into it), and the language.
     */
    record Html(LetterTemplates.Source source, String xhtml, Document document, String version, String language,
            boolean fallback) {
    }

    Html html(LetterContent content) {
        List<String> unprintable = unprintable(content);
        if (!unprintable.isEmpty()) {
            throw new LetterValidationException(content.kind(), unprintable);
        }
        String language = languageFor(content.language());
        LetterTemplates.Source source = templates.load(content.kind(), language);
        Sources sources = new Sources(source, messages(language));
        Locale locale = Locale.forLanguageTag(language);
        LetterProperties.Assistance help = new LetterProperties.Assistance(
                translations.text(language, assistance.coordinator()), assistance.phone(), assistance.tty(),
                assistance.planPhone());
        Context context = new Context(locale, model(content, locale, language, help));
        String xhtml;
        CURRENT.set(sources);
        try {
            xhtml = thymeleaf.process(new TemplateSpec(source.path(), null, TemplateMode.HTML, null), context);
        } catch (TemplateProcessingException e) {
            throw new IllegalStateException(source.path() + " could not be filled in: " + e.getMessage(), e);
        } finally {
            CURRENT.remove();
        }
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
        describe(doc);
        return new Html(source, xhtml, doc, meta + "+" + sources.sha256().substring(0, 12), language,
                !language.equals(content.language()));
    }

    /** The document's description (PDF/UA wants one): the title, unless the template gives a subject. */
    private static void describe(Document doc) {
        org.w3c.dom.NodeList metas = doc.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            if ("subject".equals(((Element) metas.item(i)).getAttribute("name"))) {
                return;
            }
        }
        String title = LetterTemplates.title(doc);
        Node head = doc.getElementsByTagNameNS("*", "head").item(0);
        if (title != null && head != null) {
            Element subject = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "meta");
            subject.setAttribute("name", "subject");
            subject.setAttribute("content", title);
            head.appendChild(subject);
        }
    }

    /** The language's words, with the default language's for any key it lacks (the start-up check warns). */
    private Messages messages(String language) {
        LetterTemplates.Source own = templates.messages(language);
        Properties words = new Properties();
        List<LetterTemplates.Source> files = new ArrayList<>();
        if (!language.equals(defaultLanguage) && templates.exists(templates.messagesPath(defaultLanguage))) {
            LetterTemplates.Source fallback = templates.messages(defaultLanguage);
            words.putAll(LetterTemplates.properties(fallback));
            files.add(fallback);
        }
        words.putAll(LetterTemplates.properties(own));
        files.add(own);
        return new Messages(words, files);
    }

    static Map<String, Object> model(LetterContent c, Locale locale, String language, LetterProperties.Assistance assistance) {
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
        // E8: a representative with authority is the addressee and the patient is named as the person the letter
        // is about; a representative whose documentation was only asked for is named in the patient's letter
        m.put("addresseeName", c.addresseeName());
        m.put("toRepresentative", c.toRepresentative());
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("name", c.representative() == null ? null : c.representative().name());
        rep.put("relationship", c.representative() == null ? null : c.representative().relationship());
        m.put("representative", rep);
        m.put("representativePending", c.representative() != null && !c.representative().addressee());
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
        m.put("coverageRequest", c.handledAs() == LetterContent.HandledAs.COVERAGE_REQUEST);
        m.put("inquiry", c.handledAs() == LetterContent.HandledAs.INQUIRY);
        m.put("classificationExplanation", blankToNull(c.classificationExplanation()));
        m.put("stateAgencyContact", blankToNull(c.stateAgencyContact()));
        m.put("largePrint", c.largePrint());
        m.put("language", language);
        m.put("requestedLanguage", c.language());
        m.put("languageFallback", !language.equals(c.language()));
        // in the letter's own language: the fallback letter names the language it could not be written in
        m.put("requestedLanguageName", c.language() == null ? null : LetterLanguages.name(c.language(), locale));
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("coordinator", assistance.coordinator());
        help.put("phone", assistance.phone());
        help.put("tty", assistance.tty());
        help.put("planPhone", assistance.planPhone());
        m.put("assistance", help);
        return m;
    }

    private List<String> unprintable(LetterContent c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("the patient's name", c.patientName());
        if (c.representative() != null) {
            fields.put("the representative's name", c.representative().name());
            fields.put("the representative's relationship to the patient", c.representative().relationship());
        }
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
            if (!fonts.canPrint(text)) {
                problems.add(label + " in characters the letter font can print (it has characters of a script "
                        + "the font lacks; an administrator can add a TrueType font for that script with "
                        + "grievance.letters.font-regular)");
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

    private record Messages(Properties words, List<LetterTemplates.Source> files) {
    }

    /** Every file one letter is made from, read once, so that the recorded hash is of exactly what ran. */
    private final class Sources {
        private final LetterTemplates.Source main;
        private final Messages messages;
        private final Map<String, LetterTemplates.Source> read = new TreeMap<>();

        Sources(LetterTemplates.Source main, Messages messages) {
            this.main = main;
            this.messages = messages;
            read.put(main.path(), main);
            messages.files().forEach(f -> read.put(f.path(), f));
        }

        LetterTemplates.Source resolve(String name) {
            if (name.equals(main.path())) {
                return main;
            }
            if (!LetterTemplates.isFragmentName(name)) {
                return null; // letters include shared parts from fragments/ only: no other file, no address
            }
            return read.computeIfAbsent(templates.fragmentPath(name), p -> templates.fragment(name));
        }

        String sha256() {
            StringBuilder all = new StringBuilder();
            read.forEach((path, s) -> all.append(path).append('\n').append(s.text()).append('\n'));
            return LetterHashes.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Hands Thymeleaf the files of the letter being made: its template and the shared parts it includes. */
    private static final class SourcesResolver implements ITemplateResolver {

        @Override
        public String getName() {
            return "letter-sources";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate,
                String template, Map<String, Object> attributes) {
            Sources sources = CURRENT.get();
            LetterTemplates.Source source = sources == null ? null : sources.resolve(template);
            if (source == null) {
                return null;
            }
            return new TemplateResolution(new GivenSource(template, source.text()), TemplateMode.HTML,
                    NonCacheableCacheEntryValidity.INSTANCE);
        }
    }

    /**
     * {@code #{key}} and {@code #{key(${a}, ${b})}}: the words of the letter's language, {@code {0}}, {@code {1}}
     * replaced by the values as they are (no MessageFormat: an apostrophe is just an apostrophe). A key no
     * language has stops the letter rather than print "??key??".
     */
    private static final class MessagesResolver implements IMessageResolver {

        @Override
        public String getName() {
            return "letter-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            Sources sources = CURRENT.get();
            String text = sources == null ? null : sources.messages.words().getProperty(key);
            if (text == null) {
                return null;
            }
            if (parameters != null) {
                for (int i = 0; i < parameters.length; i++) {
                    text = text.replace("{" + i + "}", parameters[i] == null ? "" : String.valueOf(parameters[i]));
                }
            }
            return text;
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object[] parameters) {
            throw new IllegalStateException("No letter message \"" + key + "\" in "
                    + context.getLocale().toLanguageTag() + "/" + LetterTemplates.MESSAGES + " (nor in the default language's)");
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
            throw new UnsupportedOperationException("letter templates include fragments/ only: " + relativeLocation);
        }
    }
}
