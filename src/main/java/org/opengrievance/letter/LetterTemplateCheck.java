package org.opengrievance.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Start-up check of everything letters are made from. Every letter kind has a template in every language,
 * every language has all the words of the default language's {@code messages.properties}, and every template
 * and shared part ({@code fragments/}) is well-formed XHTML that prints nothing unescaped and gives every
 * picture a text alternative; every template carries a {@code template-version}, uses the shared styles (so
 * large print applies) and the language assistance part (the notice and taglines every letter carries), and
 * includes only shared parts that exist. Any gap stops the application from starting, with the files named: a
 * missing translation is a start-up error, never an English letter at send time.
 */
public class LetterTemplateCheck implements InitializingBean {

    /** What every template must include. */
    static final List<String> REQUIRED_PARTS = List.of("fragments/letter :: styles", "fragments/language-assistance");
    private static final Pattern INCLUDE = Pattern.compile("~\\{\\s*(fragments/[A-Za-z0-9_-]+)");

    private final LetterTemplates templates;
    private final List<String> languages;
    private final String defaultLanguage;

    public LetterTemplateCheck(LetterTemplates templates, List<String> languages, LetterProperties properties) {
        this.templates = templates;
        this.languages = List.copyOf(languages);
        this.defaultLanguage = properties.defaultLanguage();
    }

    public LetterTemplateCheck(LetterTemplates templates, List<String> languages) {
        this(templates, languages, LetterRenderer.defaults());
    }

    @Override
    public void afterPropertiesSet() {
        verify();
    }

    /** Throws {@link IllegalStateException} naming every missing or broken file. */
    public void verify() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Letter templates are missing or broken. Every letter kind needs a "
                    + "template in every language " + languages + " and each language a complete "
                    + LetterTemplates.MESSAGES + " (there is no fallback to another language):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** One line per missing or broken file; empty when all are in place. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!languages.contains(defaultLanguage)) {
            problems.add("the default language \"" + defaultLanguage + "\" has no templates (missing "
                    + templates.messagesPath(defaultLanguage) + ")");
        }
        for (String name : templates.fragmentNames()) {
            markup(problems, templates.fragmentPath(name), templates.fragment(name).text());
        }
        Properties words = templates.exists(templates.messagesPath(defaultLanguage))
                ? LetterTemplates.properties(templates.messages(defaultLanguage)) : new Properties();
        for (String language : languages) {
            messages(problems, language, words);
            for (LetterKind kind : LetterKind.values()) {
                String path = templates.path(kind, language);
                if (!templates.exists(kind, language)) {
                    problems.add("missing " + path + " (the " + kind.label() + " in \"" + language + "\")");
                    continue;
                }
                String text = templates.load(kind, language).text();
                Document doc = markup(problems, path, text);
                if (doc != null && LetterTemplates.versionMeta(doc) == null) {
                    problems.add(path + " has no <meta name=\"" + LetterTemplates.VERSION_META
                            + "\" content=\"...\"/> in its head");
                }
                for (String part : REQUIRED_PARTS) {
                    if (!text.replaceAll("\\s+", " ").contains("~{" + part)) {
                        problems.add(path + " does not include ~{" + part + "}: every letter uses the shared "
                                + "styles (large print) and carries the language assistance notice and taglines");
                    }
                }
            }
        }
        return problems;
    }

    private void messages(List<String> problems, String language, Properties words) {
        String path = templates.messagesPath(language);
        if (!templates.exists(path)) {
            problems.add("missing " + path + " (the words of the shared parts in \"" + language + "\")");
            return;
        }
        Properties own;
        try {
            own = LetterTemplates.properties(templates.messages(language));
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            return;
        }
        TreeSet<String> lacking = new TreeSet<>();
        for (String key : words.stringPropertyNames()) {
            String v = own.getProperty(key);
            if (v == null || v.isBlank()) {
                lacking.add(key);
            }
        }
        if (!lacking.isEmpty()) {
            problems.add(path + " lacks " + String.join(", ", lacking) + " (every key of "
                    + templates.messagesPath(defaultLanguage) + " needs a translation)");
        }
    }

    /** Checks what every template and shared part must be; the parsed document, or null when it is not XHTML. */
    private Document markup(List<String> problems, String path, String text) {
        if (text.contains("th:utext") || text.contains("[(")) {
            problems.add(path + " prints text unescaped (th:utext or [( ... )]); use th:text, so that "
                    + "what a patient wrote can never become markup");
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            String name = include.group(1);
            if (!LetterTemplates.isFragmentName(name) || !templates.exists(templates.fragmentPath(name))) {
                problems.add(path + " includes " + name + ", which does not exist (" + templates.fragmentPath(name) + ")");
            }
        }
        Document doc;
        try {
            doc = LetterTemplates.parseXml(text, false);
        } catch (SAXParseException e) {
            problems.add(path + " is not well-formed XHTML at line " + e.getLineNumber() + ": " + e.getMessage());
            return null;
        }
        NodeList images = doc.getElementsByTagName("img");
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            if (img.getAttribute("alt").isBlank() && img.getAttribute("th:alt").isBlank()) {
                problems.add(path + " has a picture without alt text (<img alt=\"...\"/>): a screen reader "
                        + "reads the alt text in its place (PDF/UA)");
            }
        }
        return doc;
    }
}
