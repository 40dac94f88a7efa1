package org.opengrievance.deployment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every place a BPMN file can make the engine run something: each attribute and element text of every element
 * (expressions, whatever attribute holds them: delegates, conditions, timers, assignments, due dates,
 * collections, mappings, field injections, listeners), Java classes, scripts, external script resources,
 * external tasks, connectors and form keys. Attributes are matched by local name, so the check does not
 * depend on the extension namespace (Camunda's or a fork's).
 */
final class BpmnCodeScan {

    static final String CLASS = "A Java class outside the project's packages cannot be used as a delegate, listener or mapping.";
    static final String SCRIPT_TASK = "Script tasks cannot be deployed; the project's delegates do the work.";
    static final String SCRIPT = "Scripts cannot be deployed, in listeners, input/output mappings and conditions alike.";
    static final String EXTERNAL_SCRIPT = "External script resources cannot be deployed.";
    static final String EXTERNAL_TASK = "External tasks cannot be deployed: no worker of this project fetches them, and a worker would receive the case's data.";
    static final String CONNECTOR = "Connectors cannot be deployed: they call other systems with the case's data.";
    static final String FORM_KEY = "Form keys (embedded or external forms) cannot be deployed; use a Camunda Form through a form reference.";

    private static final String OUR_PACKAGES = "org.opengrievance.";

    private final ExpressionCheck expressions;

    BpmnCodeScan(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    List<DeploymentViolation> scan(String resource, Document document) {
        Set<DeploymentViolation> found = new LinkedHashSet<>();
        SafeXml.forEachElement(document.getDocumentElement(), element -> {
            String id = SafeXml.nearestId(element, BpmnCodeScan::reportsItsParent);
            String name = SafeXml.localName(element);
            if (name.equals("scriptTask")) {
                found.add(new DeploymentViolation(resource, id, SCRIPT_TASK));
            } else if (name.equals("script") && !insideScriptTask(element)) {
                found.add(new DeploymentViolation(resource, id, SCRIPT));
            } else if (name.equals("connector")) {
                found.add(new DeploymentViolation(resource, id, CONNECTOR));
            }
            for (Attr attr : SafeXml.attributes(element)) {
                attributeRule(attr, name).ifPresent(reason -> found.add(new DeploymentViolation(resource, id, reason)));
            }
            String text = SafeXml.ownText(element);
            if (!name.equals("documentation") && !name.equals("text") && ExpressionText.mayContainExpression(text)) {
                expressions.check(text, false).ifPresent(reason -> found.add(new DeploymentViolation(resource, id, reason)));
            }
        });
        return List.copyOf(found);
    }

    private Optional<String> attributeRule(Attr attr, String elementName) {
        String name = SafeXml.localName(attr);
        String value = attr.getValue();
        if (name.equals("class") || name.endsWith("Class")) {
            return value.startsWith(OUR_PACKAGES) ? Optional.empty() : Optional.of(CLASS);
        }
        if (name.equals("resource")) {
            return Optional.of(EXTERNAL_SCRIPT);
        }
        if ((name.equals("scriptFormat") && !elementName.equals("scriptTask"))
                || (name.equals("language") && !value.isBlank())) {
            return Optional.of(SCRIPT);
        }
        if (name.equals("type") && !javax.xml.XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attr.getNamespaceURI())
                && value.trim().equalsIgnoreCase("external")) {
            return Optional.of(EXTERNAL_TASK);
        }
        if (name.equals("formKey")) {
            return Optional.of(FORM_KEY);
        }
        if (ExpressionText.mayContainExpression(value)) {
            boolean delegate = name.equals("delegateExpression") || name.endsWith("DelegateExpression");
            return expressions.check(value, delegate);
        }
        return Optional.empty();
    }

    /** Event definitions and loop characteristics have ids a director never sees; name their event or task. */
    private static boolean reportsItsParent(Element element) {
        String name = SafeXml.localName(element);
        return name.endsWith("EventDefinition") || name.endsWith("LoopCharacteristics");
    }

    private static boolean insideScriptTask(Element element) {
        return element.getParentNode() instanceof Element parent && SafeXml.localName(parent).equals("scriptTask");
    }
}
