package org.opengrievance.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * The XMP metadata of an archived letter (ISO 19005 PDF/A, ISO 14289 PDF/UA): what it is (title, description,
 * language), which standards it claims, and the letter's own facts (case number, kind, language, template
 * version, large print, draft) in a schema of ours that the PDF/A extension schema block describes, as
 * PDF/A requires for any property outside its predefined schemas. The document information dictionary is set
 * to the same values (PDF/A: both must agree).
 */
final class ArchivalMetadata {

    /** Our XMP namespace for the letter's facts. */
    static final String NAMESPACE = "http://ns.opengrievance.org/letter/1.0/";
    static final String PREFIX = "ogl";
    static final String PRODUCER = "OpenGrievance letters";

    /** What the metadata says. {@code facts} are the letter's own properties, by XMP name, in order. */
    record Facts(String title, String description, String language, String keywords, Instant created,
            Map<String, String> facts) {
    }

    /** The properties of our schema, each with the description the extension schema gives it. */
    static final Map<String, String> PROPERTIES;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("caseNumber", "The grievance case the letter belongs to");
        p.put("letterKind", "The kind of letter (ACKNOWLEDGEMENT, INTERIM, EXTENSION, RESOLUTION, CLASSIFICATION_NOTICE)");
        p.put("language", "The language the letter is written in");
        p.put("requestedLanguage", "The recipient's preferred language");
        p.put("templateVersion", "The version of the templates that produced the letter");
        p.put("largePrint", "Whether the letter is printed in large print");
        p.put("draft", "Whether this is a draft (preview) that was never sent");
        PROPERTIES = Map.copyOf(p);
    }

    private static final String[] ORDER = {"caseNumber", "letterKind", "language", "requestedLanguage",
        "templateVersion", "largePrint", "draft"};

    private ArchivalMetadata() {
    }

    /** Replaces the document's metadata and information dictionary with these facts. */
    static void apply(PDDocument doc, Facts f) throws IOException {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        Instant at = f.created().truncatedTo(ChronoUnit.SECONDS);
        created.setTimeInMillis(at.toEpochMilli());

        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(f.title());
        info.setSubject(f.description());
        info.setKeywords(f.keywords());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
        doc.setDocumentInformation(info);

        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(f, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
                .getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
        doc.getDocumentCatalog().setLanguage(f.language());
    }

    private static String xmp(Facts f, String date) {
        StringBuilder ours = new StringBuilder();
        for (String name : ORDER) {
            String value = f.facts().get(name);
            if (value != null) {
                ours.append("      <").append(PREFIX).append(':').append(name).append('>').append(esc(value))
                        .append("</").append(PREFIX).append(':').append(name).append(">\n");
            }
        }
        StringBuilder properties = new StringBuilder();
        for (String name : ORDER) {
            properties.append(property(name, "Text", "external", PROPERTIES.get(name)));
        }
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                      <pdfaid:part>2</pdfaid:part>
                      <pdfaid:conformance>A</pdfaid:conformance>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                      <pdfuaid:part>1</pdfuaid:part>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                      <dc:format>application/pdf</dc:format>
                      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
                      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%2$s</rdf:li></rdf:Alt></dc:description>
                      <dc:language><rdf:Bag><rdf:li>%3$s</rdf:li></rdf:Bag></dc:language>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                      <pdf:Producer>%5$s</pdf:Producer>
                      <pdf:Keywords>%4$s</pdf:Keywords>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                      <xmp:CreatorTool>%5$s</xmp:CreatorTool>
                      <xmp:CreateDate>%6$s</xmp:CreateDate>
                      <xmp:ModifyDate>%6$s</xmp:ModifyDate>
                      <xmp:MetadataDate>%6$s</xmp:MetadataDate>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:%7$s="%8$s">
                %9$s    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                      <pdfaExtension:schemas>
                        <rdf:Bag>
                          <rdf:li rdf:parseType="Resource">
                            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                            <pdfaSchema:property>
                              <rdf:Seq>
                %10$s                  </rdf:Seq>
                            </pdfaSchema:property>
                          </rdf:li>
                          <rdf:li rdf:parseType="Resource">
                            <pdfaSchema:schema>OpenGrievance letter</pdfaSchema:schema>
                            <pdfaSchema:namespaceURI>%8$s</pdfaSchema:namespaceURI>
                            <pdfaSchema:prefix>%7$s</pdfaSchema:prefix>
                            <pdfaSchema:property>
                              <rdf:Seq>
                %11$s                  </rdf:Seq>
                            </pdfaSchema:property>
                          </rdf:li>
                        </rdf:Bag>
                      </pdfaExtension:schemas>
                    </rdf:Description>
                  </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(esc(f.title()), esc(f.description()), esc(f.language()), esc(f.keywords()),
                PRODUCER, date, PREFIX, NAMESPACE, ours,
                property("part", "Integer", "internal", "Indicates which part of ISO 14289 the file follows"),
                properties);
    }

    private static String property(String name, String type, String category, String description) {
        return """
                                <rdf:li rdf:parseType="Resource">
                                  <pdfaProperty:name>%s</pdfaProperty:name>
                                  <pdfaProperty:valueType>%s</pdfaProperty:valueType>
                                  <pdfaProperty:category>%s</pdfaProperty:category>
                                  <pdfaProperty:description>%s</pdfaProperty:description>
                                </rdf:li>
                """.formatted(name, type, category, esc(description));
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
