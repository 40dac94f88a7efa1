package org.opengrievance.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.opengrievance.letter.LetterRenderer;
import org.opengrievance.trends.Chart;
import org.opengrievance.trends.ChartColumn;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report as a PDF, through the letters' renderer (their fonts, PDF/A-2a and PDF/UA-1). Built as a DOM, so
 * every text (also the staff's reasons) is text, never markup. Each figure is a table; a bar chart's first
 * series gets a bar drawn to scale beside its number.
 */
@Component
class ReportPdf {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final DateTimeFormatter BUILT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final LetterRenderer renderer;

    ReportPdf(LetterRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] render(ReportContent r) {
        Document doc = document();
        Element html = doc.createElementNS(XHTML, "html");
        html.setAttribute("lang", "en");
        doc.appendChild(html);
        Element head = add(html, "head", null);
        add(head, "title", r.title());
        Element style = add(head, "style", """
                @page { size: letter; margin: 18mm 16mm; }
                body { font-family: '%s'; font-size: 9.5pt; color: #1a1a1a; }
                h1 { font-size: 16pt; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 14pt 0 4pt 0; }
                table { border-collapse: collapse; width: 100%%; margin-bottom: 6pt; }
                th, td { border-bottom: 0.5pt solid #999999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
                td.n, th.n { text-align: right; } th { background: #e8e8e8; }
                td:first-child { white-space: nowrap; }
                .bar { background: #3d6b99; height: 7pt; }
                p.meta { color: #444444; margin: 0; }
                """.formatted(LetterRenderer.FONT_FAMILY));
        style.setAttribute("type", "text/css");
        Element body = add(html, "body", null);
        add(body, "h1", r.title());
        add(body, "p", "Cases received in " + r.month() + " (each in its facility's zone)"
                + (r.facility() == null ? ", every facility and plan." : ", " + r.facility() + "."))
                .setAttribute("class", "meta");
        add(body, "p", "Built " + BUILT.format(r.builtAt().atZone(r.zone())) + " by " + r.builtBy()
                + ". No patient names or complaint text: case numbers, departments, categories and staff's reasons.")
                .setAttribute("class", "meta");

        add(body, "h2", "The month and the 12 months before");
        chart(body, r.comparison());
        add(body, "h2", "Late responses (" + r.late().size() + ")");
        cases(body, r.late(), "Why it was late (director's review)");
        add(body, "h2", "Abuse or neglect allegations (" + r.abuseOrNeglect().size() + ")");
        cases(body, r.abuseOrNeglect(), "Actions taken");
        add(body, "h2", "High-severity cases (" + r.highSeverity().size() + ")");
        cases(body, r.highSeverity(), null);
        for (Chart c : r.charts()) {
            add(body, "h2", c.title());
            chart(body, c);
        }
        return renderer.renderDocument(doc, new LetterRenderer.DocumentFacts(r.title(),
                "Monthly grievance report of " + r.month(), "en", "grievance report, " + r.month()));
    }

    private static void chart(Element body, Chart chart) {
        if (chart.rows().isEmpty()) {
            add(body, "p", "No cases.");
            return;
        }
        Element table = add(body, "table", null);
        Element head = add(add(table, "thead", null), "tr", null);
        List<ChartColumn> columns = chart.columns();
        ChartColumn barOf = "bar".equals(chart.type()) || "line".equals(chart.type())
                ? columns.stream().filter(ChartColumn::numeric).findFirst().orElse(null) : null;
        double max = barOf == null ? 0 : chart.rows().stream().map(row -> row.get(barOf.key()))
                .filter(Number.class::isInstance).mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
        for (ChartColumn c : columns) {
            th(head, c.label(), c.numeric());
            if (c == barOf) {
                th(head, "", false);
            }
        }
        Element rows = add(table, "tbody", null);
        for (Map<String, Object> row : chart.rows()) {
            Element tr = add(rows, "tr", null);
            for (ChartColumn c : columns) {
                Element td = add(tr, "td", ReportXlsx.display(row.get(c.key())));
                if (c.numeric()) {
                    td.setAttribute("class", "n");
                }
                if (c == barOf) {
                    Element cell = add(tr, "td", null);
                    cell.setAttribute("style", "width: 30%;");
                    Object v = row.get(c.key());
                    double share = max > 0 && v instanceof Number n ? n.doubleValue() / max : 0;
                    if (share > 0) {
                        add(cell, "div", null).setAttribute("class", "bar");
                        ((Element) cell.getFirstChild()).setAttribute("style",
                                "width: " + Math.max(1, Math.round(share * 100)) + "%;");
                    }
                }
            }
        }
    }

    private static void cases(Element body, List<ReportCase> cases, String noteLabel) {
        if (cases.isEmpty()) {
            add(body, "p", "None.");
            return;
        }
        Element table = add(body, "table", null);
        Element head = add(add(table, "thead", null), "tr", null);
        for (String label : ReportXlsx.CASE_HEADERS) {
            th(head, label, false);
        }
        if (noteLabel != null) {
            th(head, noteLabel, false);
        }
        Element rows = add(table, "tbody", null);
        for (ReportCase c : cases) {
            Element tr = add(rows, "tr", null);
            for (String cell : ReportXlsx.caseCells(c)) {
                add(tr, "td", cell);
            }
            if (noteLabel != null) {
                add(tr, "td", c.note());
            }
        }
    }

    private static void th(Element row, String text, boolean numeric) {
        Element th = add(row, "th", text);
        th.setAttribute("scope", "col");
        if (numeric) {
            th.setAttribute("class", "n");
        }
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(XHTML, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static Document document() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
