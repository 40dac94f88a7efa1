package org.opengrievance.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;
import org.opengrievance.deployment.ContractIds.DecisionContract;
import org.opengrievance.deployment.ContractIds.ProcessContract;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract list, the shipped models and docs/model-contract.md say the same thing. */
class ContractIdsTests {

    @Test
    void everyContractIdOfAProcessExistsInItsShippedFile() {
        for (ProcessContract contract : ContractIds.PROCESSES) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                    ShippedModels.all().get(contract.file())));
            assertThat((Object) model.getModelElementById(contract.key())).as(contract.key()).isInstanceOf(Process.class);
            for (String id : contract.activityIds()) {
                assertThat((Object) model.getModelElementById(id)).as(contract.key() + " " + id)
                        .isInstanceOfAny(Activity.class, StartEvent.class);
            }
            Set<String> messages = new HashSet<>();
            model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
            assertThat(messages).as(contract.key()).containsAll(contract.messageNames());
        }
    }

    @Test
    void everyActivityOfTheShippedProcessesIsInTheContract() {
        for (ProcessContract contract : ContractIds.PROCESSES) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                    ShippedModels.all().get(contract.file())));
            Set<String> activities = new TreeSet<>();
            model.getModelElementsByType(Activity.class).forEach(a -> activities.add(a.getId()));
            assertThat(contract.activityIds()).as(contract.key()).containsAll(activities);
            assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty();
        }
    }

    @Test
    void everyContractDecisionExistsWithItsOutputs() {
        for (DecisionContract contract : ContractIds.DECISIONS) {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(
                    ShippedModels.all().get(contract.file())));
            Decision decision = model.getModelElementById(contract.id());
            assertThat((Object) decision).as(contract.id()).isNotNull();
            Set<String> outputs = new HashSet<>();
            for (Output output : ((DecisionTable) decision.getExpression()).getOutputs()) {
                outputs.add(output.getName());
            }
            assertThat(outputs).as(contract.id()).isEqualTo(contract.outputs());
        }
    }

    @Test
    void theContractFormsAreExactlyTheShippedFormsAndTheFormRefs() throws IOException {
        Set<String> shipped = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        ShippedModels.all().forEach((resource, bytes) -> {
            if (resource.endsWith(".form")) {
                try {
                    String id = json.readTree(bytes).get("id").asText();
                    assertThat(resource).isEqualTo("forms/" + id + ".form");
                    shipped.add(id);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(shipped).isEqualTo(new TreeSet<>(ContractIds.FORMS));
        Set<String> referenced = new TreeSet<>();
        Pattern formRef = Pattern.compile("formRef=\"([^\"]+)\"");
        ShippedModels.all().forEach((resource, bytes) -> {
            Matcher m = formRef.matcher(new String(bytes));
            while (m.find()) {
                referenced.add(m.group(1));
            }
        });
        assertThat(referenced).isEqualTo(shipped);
    }

    @Test
    void theDocumentListsExactlyTheContractIds() throws IOException {
        String doc = Files.readString(Path.of("docs/model-contract.md"));
        String section = doc.substring(doc.indexOf("## Contract ids"));
        String ids = section.substring(0, section.indexOf("Engine-owned variables"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Za-z][A-Za-z0-9-]*)`").matcher(ids);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>(ContractIds.FORMS);
        for (ProcessContract p : ContractIds.PROCESSES) {
            listed.add(p.key());
            listed.addAll(p.activityIds());
            listed.addAll(p.messageNames());
        }
        for (DecisionContract d : ContractIds.DECISIONS) {
            listed.add(d.id());
            listed.addAll(d.outputs());
        }
        documented.removeIf(word -> word.endsWith("bpmn") || word.endsWith("dmn") || word.equals("forms")
                || word.equals("ContractIdsTests"));
        assertThat(documented).isEqualTo(listed);

        String owned = section.substring(section.indexOf("Engine-owned variables"), section.indexOf("People set"));
        Set<String> documentedOwned = new TreeSet<>();
        Matcher o = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`").matcher(owned);
        while (o.find()) {
            documentedOwned.add(o.group(1));
        }
        assertThat(documentedOwned).isEqualTo(new TreeSet<>(EngineOwnedVariables.NAMES));
    }
}
