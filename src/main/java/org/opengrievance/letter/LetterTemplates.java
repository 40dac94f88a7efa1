package org.opengrievance.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The director-editable letter templates: {@code <location><language>/<kind>.html}, read fresh for every
 * letter so that the version recorded with a letter is the version that produced it.
 */
public final class LetterTemplates {

    /** {@code <meta name="template-version" content="...">} in each template's head. */
    public static final String VERSION_META = "template-version";

    private final ResourceLoader resources;
    private final String location;

    public LetterTemplates(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
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
        String path = path(kind, language);
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("Letter template missing: " + path);
        }
        try (InputStream in = resource.getInputStream()) {
            return new Source(kind, language, path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Letter template unreadable: " + path, e);
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
