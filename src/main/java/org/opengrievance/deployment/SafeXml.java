package org.opengrievance.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads model XML for the generic scan (every element, every attribute, whatever its namespace: a Camunda or
 * an Operaton model alike), with DOCTYPEs and external entities off. The Camunda model API still reads the
 * same bytes for the structure (process keys, ids); this scan exists because that API offers no way to list
 * every attribute of an element, and an unknown extension attribute is exactly what must not slip through.
 */
final class SafeXml {

    private SafeXml() {
    }

    /** The document, or null when the bytes are not well-formed XML (or carry a DOCTYPE). */
    static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception notXml) {
            return null;
        }
    }

    /** Every element, depth first. */
    static void forEachElement(Element root, Consumer<Element> action) {
        action.accept(root);
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                forEachElement(element, action);
            }
        }
    }

    /** The attributes of an element, namespace declarations left out. */
    static List<Attr> attributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attributes = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                attributes.add(attr);
            }
        }
        return attributes;
    }

    /** The element's own text (text and CDATA children), not its descendants'. */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** The id of the element or of its nearest ancestor that has one, skipping the ids {@code skip} accepts. */
    static String nearestId(Element element, java.util.function.Predicate<Element> skip) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute("id") && !skip.test(e)) {
                return e.getAttribute("id");
            }
        }
        return null;
    }
}
