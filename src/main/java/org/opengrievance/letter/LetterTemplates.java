package org.opengrievance.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The director-editable letter templates, read fresh for every letter so that the version recorded with a
 * letter is the version that produced it:
 * <ul>
 * <li>{@code <location><language>/<kind>.html}: the letter of one kind in one language;</li>
 * <li>{@code <location><language>/messages.properties}: the words the shared parts print in that language
 * (its presence makes the folder a language);</li>
 * <li>{@code <location>fragments/<name>.html}: the parts every letter shares (letterhead, styles, contact
 * block, sign-off, language assistance), included with {@code th:replace="~{fragments/<name> :: <part>}"}.</li>
 * </ul>
 */
public final class LetterTemplates {

    /** {@code <meta name="template-version" content="...">} in each template's head. */
    public static final String VERSION_META = "template-version";
    /** The folder of the shared parts, and the prefix of their template names. */
    public static final String FRAGMENTS = "fragments/";
    static final String MESSAGES = "messages.properties";
    private static final java.util.regex.Pattern FRAGMENT_NAME = java.util.regex.Pattern.compile("fragments/[a-z0-9-]+");

    private final ResourcePatternResolver resources;
    private final String location;

    public LetterTemplates(ResourceLoader resources, String location) {
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resources);
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** Every language with a {@code messages.properties} in its folder, sorted. */
    public List<String> languages() {
        try {
            List<String> found = new ArrayList<>();
            for (Resource r : resources.getResources(location + "*/" + MESSAGES)) {
                String url = r.getURL().toString();
                String folder = url.substring(0, url.length() - MESSAGES.length() - 1);
                String language = folder.substring(folder.lastIndexOf('/') + 1);
                if (LetterLanguages.valid(language) && !found.contains(language)) {
                    found.add(language);
                }
            }
            java.util.Collections.sort(found);
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("Letter templates unreadable at " + location, e);
        }
    }

    /** The names of the shared parts' files ({@code fragments/letter}, ...), sorted. */
    public List<String> fragmentNames() {
        try {
            List<String> names = new ArrayList<>();
            for (Resource r : resources.getResources(location + FRAGMENTS + "*.html")) {
                String file = r.getFilename();
                names.add(FRAGMENTS + file.substring(0, file.length() - ".html".length()));
            }
            java.util.Collections.sort(names);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("Letter fragments unreadable at " + location + FRAGMENTS, e);
        }
    }

    /** A template's text and where it came from. */
    public record Source(LetterKind kind, String language, String path, String text) {

        /** SHA-256 of the template text, hex. */
        public String sha256() {
            return LetterHashes.sha256(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Where the template for this kind and language is (or should be). */
    public String path(LetterKind kind, String language) {
        return location + language + "/" + kind.templateName() + ".html";
    }

    public boolean exists(LetterKind kind, String language) {
        return resources.getResource(path(kind, language)).exists();
    }

    /** Reads the template; a missing one is an error, never a fallback to another language. */
    public Source load(LetterKind kind, String language) {
        return read(kind, language, path(kind, language), "Letter template");
    }

    /** Whether a name may be a shared part's: {@code fragments/} and a lower-case file name, nothing else. */
    static boolean isFragmentName(String name) {
        return name != null && FRAGMENT_NAME.matcher(name).matches();
    }

    /** Where the shared part's file is. */
    public String fragmentPath(String name) {
        return location + name + ".html";
    }

    /** Reads a shared part's file. */
    public Source fragment(String name) {
        if (!isFragmentName(name)) {
            throw new IllegalStateException("Not a letter fragment name: " + name);
        }
        return read(null, null, fragmentPath(name), "Letter fragment");
    }

    /** Where a language's words are. */
    public String messagesPath(String language) {
        return location + language + "/" + MESSAGES;
    }

    /** Reads a language's words (UTF-8). */
    public Source messages(String language) {
        return read(null, language, messagesPath(language), "Letter messages");
    }

    /** The words of a messages file, by key. */
    static java.util.Properties properties(Source messages) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new StringReader(messages.text()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(messages.path() + " is not a valid properties file: " + e.getMessage());
        }
        return p;
    }

    boolean exists(String path) {
        return resources.getResource(path).exists();
    }

    private Source read(LetterKind kind, String language, String path, String what) {
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException(what + " missing: " + path);
        }
        try (InputStream in = resource.getInputStream()) {
            return new Source(kind, language, path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(what + " unreadable: " + path, e);
        }
    }

    /** Parses a template or a rendered letter as XML (XHTML), with no external entities or DTDs loaded. */
    static Document parseXml(String text, boolean namespaceAware) throws SAXParseException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(namespaceAware);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw e;
        } catch (ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }

    /** The text of the document's {@code <title>}, or null when there is none. */
    static String title(Document doc) {
        NodeList titles = doc.getElementsByTagNameNS("*", "title");
        if (titles.getLength() == 0) {
            titles = doc.getElementsByTagName("title");
        }
        String t = titles.getLength() == 0 ? "" : titles.item(0).getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    /** The content of {@code <meta name="template-version">}, or null when there is none. */
    static String versionMeta(Document doc) {
        NodeList metas = doc.getElementsByTagNameNS("*", "meta");
        if (metas.getLength() == 0) {
            metas = doc.getElementsByTagName("meta");
        }
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (VERSION_META.equals(meta.getAttribute("name"))) {
                String v = meta.getAttribute("content").strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
