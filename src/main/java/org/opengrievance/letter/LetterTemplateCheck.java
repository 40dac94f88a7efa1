package org.opengrievance.letter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Start-up check: every letter kind has a template in every supported language, each template is well-formed
 * XHTML, carries a {@code template-version} and prints nothing unescaped. Any gap stops the application from starting, with the files
 * named: a missing translation is a start-up error, never an English letter at send time.
 */
public class LetterTemplateCheck implements InitializingBean {

    private final LetterTemplates templates;
    private final List<String> languages;

    public LetterTemplateCheck(LetterTemplates templates, List<String> languages) {
        this.templates = templates;
        this.languages = List.copyOf(languages);
    }

    @Override
    public void afterPropertiesSet() {
        verify();
    }

    /** Throws {@link IllegalStateException} naming every missing or broken template. */
    public void verify() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Letter templates are missing or broken. Every letter kind needs a "
                    + "template in every language of grievance.letters.languages " + languages
                    + " (there is no fallback to another language):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** One line per missing or broken template; empty when all are in place. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String language : languages) {
            for (LetterKind kind : LetterKind.values()) {
                String path = templates.path(kind, language);
                if (!templates.exists(kind, language)) {
                    problems.add("missing " + path + " (the " + kind.label() + " in \"" + language + "\")");
                    continue;
                }
                LetterTemplates.Source source = templates.load(kind, language);
                if (source.text().contains("th:utext") || source.text().contains("[(")) {
                    problems.add(path + " prints text unescaped (th:utext or [( ... )]); use th:text, so that "
                            + "what a patient wrote can never become markup");
                }
                try {
                    Document doc = LetterTemplates.parseXml(source.text(), false);
                    if (LetterTemplates.versionMeta(doc) == null) {
                        problems.add(path + " has no <meta name=\"" + LetterTemplates.VERSION_META
                                + "\" content=\"...\"/> in its head");
                    }
                } catch (SAXParseException e) {
                    problems.add(path + " is not well-formed XHTML at line " + e.getLineNumber() + ": "
                            + e.getMessage());
                }
            }
        }
        return problems;
    }
}
