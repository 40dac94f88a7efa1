package org.opengrievance.casehistory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The BPMN of a deployed process definition, for the case history's diagram. Models hold no patient data;
 * the engine's authorizations decide who may read a definition (a definition one may not read is not found).
 */
@Service
class ProcessModels {

    /** The engine's definition ids: key, version and deployment id joined by colons. */
    private static final Pattern DEFINITION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final RepositoryService repository;

    ProcessModels(RepositoryService repository) {
        this.repository = repository;
    }

    /** A process model as the engine keeps it. */
    record ProcessModelXml(String id, String key, String name, int version, String bpmn20Xml) {
    }

    ProcessModelXml xml(String definitionId) {
        ProcessDefinition definition = DEFINITION_ID.matcher(definitionId).matches()
                ? repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
                : null;
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new ProcessModelXml(definition.getId(), definition.getKey(), definition.getName(),
                    definition.getVersion(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
