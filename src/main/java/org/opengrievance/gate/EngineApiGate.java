package org.opengrievance.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.availability.DatabaseAvailability;
import org.opengrievance.gate.EngineRestPolicy.Rule;
import org.opengrievance.http.ReplayedRequest;
import org.opengrievance.intake.CaseRecordOnlyInput;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.refusal.Refusals;
import org.opengrievance.security.Roles;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one door to the engine's REST resources for people, in front of {@code /engine-rest/**} and the
 * webapps' API: strict bodies for everyone; for everyone but administrators only the writes of
 * {@link EngineRestPolicy}, each checked against its contract (the task's form, the start form, the
 * deployment guard); and every error answered as a problem with a plain sentence instead of the engine's
 * message. It runs after the person is known to the engine (Spring Security for engine-rest, the webapps'
 * own authentication filter for their API), so it asks the engine who is signed in.
 */
final class EngineApiGate extends OncePerRequestFilter {

    static final int MAX_JSON_BYTES = 64 * 1024;
    static final int MAX_DEPLOYMENT_BYTES = 8 * 1024 * 1024;

    private final IdentityService identity;
    private final TaskService tasks;
    private final FormService forms;
    private final RepositoryService repository;
    private final GateSettings settings;
    private final EngineGrants grants;
    private final DatabaseAvailability database;

    EngineApiGate(IdentityService identity, TaskService tasks, FormService forms, RepositoryService repository,
            EngineGrants grants, GateSettings settings, DatabaseAvailability database) {
        this.database = database;
        this.grants = grants;
        this.identity = identity;
        this.tasks = tasks;
        this.forms = forms;
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
        HttpServletRequest forward;
        try {
            forward = admit(EngineRoute.of(request), request);
        } catch (SubmissionRefused refused) {
            GateProblems.write(response, refused.status(), refused.getMessage(), refused.field(), null);
            return;
        }
        chain.doFilter(forward, capturing);
        if (capturing.isError()) {
            answerError(request, response, capturing);
        }
    }

    private HttpServletRequest admit(EngineRoute route, HttpServletRequest request)
            throws IOException, SubmissionRefused {
        boolean deployment = route != null && route.path().equals("/deployment/create");
        byte[] body = readBody(request, deployment ? MAX_DEPLOYMENT_BYTES : MAX_JSON_BYTES);
        JsonNode json = body.length > 0 && isJson(request) ? StrictJson.read(body) : null;
        if (route == null || route.isRead()) {
            return new ReplayedRequest(request, body);
        }
        // the engine's own record of who is signed in (its type lives in the engine's impl package)
        var user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new SubmissionRefused(401, null, "Sign in to do this.");
        }
        String userId = user.getUserId();
        Set<String> groups = groupsOf(userId, user.getGroupIds());
        if (groups.contains(Roles.ADMIN)) {
            // administrators may do anything, but a model runs only allowlisted code whoever deploys it
            return new ReplayedRequest(request, deployment && route.method().equals("POST")
                    ? settings.deployments().check(request.getContentType(), body) : body);
        }
        Optional<Rule> rule = EngineRestPolicy.ruleFor(route);
        if (rule.isEmpty() || !rule.get().allows(groups)) {
            throw new SubmissionRefused(403, null, "Your role may not do this through the engine's API: "
                    + "use Tasklist or the grievance API, which keep the case's rules.");
        }
        return switch (rule.get().check()) {
            case NONE -> new ReplayedRequest(request, body);
            case OWN_USER -> {
                JsonNode id = json == null ? null : json.get("id");
                if (!userId.equals(route.segment(1)) || (id != null && !id.isNull() && !userId.equals(id.asText()))) {
                    throw new SubmissionRefused(403, null, "You may change only your own profile and password.");
                }
                yield new ReplayedRequest(request, body);
            }
            case CLAIM_SELF -> {
                JsonNode claimant = json == null ? null : json.get("userId");
                if (claimant == null || !userId.equals(claimant.asText())) {
                    throw new SubmissionRefused(403, null, "You may claim a task only for yourself.");
                }
                yield new ReplayedRequest(request, body);
            }
            case TASK_FORM -> new ReplayedRequest(request, taskSubmission(route.segment(1), json, userId, groups));
            case START_FORM -> new ReplayedRequest(request, startSubmission(request, route, json, userId, groups));
            case DEPLOYMENT -> new ReplayedRequest(request, settings.deployments().check(request.getContentType(), body));
        };
    }

    private byte[] taskSubmission(String taskId, JsonNode json, String userId, Set<String> groups)
            throws SubmissionRefused {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new SubmissionRefused(404, null, "The task does not exist, or you may not see it.");
        }
        // who may not work the task hears so before anything is said about the body
        if (!grants.mayWork(userId, groups, task)) {
            throw new SubmissionRefused(403, null, "This task is not yours to work.");
        }
        ObjectNode in = bodyObject(json, Set.of("variables", "withVariablesInReturn"));
        FormContract contract = contractOf(forms.getTaskFormData(taskId).getCamundaFormRef(),
                () -> forms.getDeployedTaskForm(taskId));
        ObjectNode out = StrictJson.mapper().createObjectNode();
        out.set("variables", new FormSubmission(contract, settings.engineOwned(), Set.of(), settings.dates())
                .check(in.get("variables"), shownValues(taskId, contract, in.get("variables"))));
        if (in.has("withVariablesInReturn")) {
            out.set("withVariablesInReturn", in.get("withVariablesInReturn"));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the read-only fields show now, read once for all the read-only fields submitted (one engine call, not
     * one per field) and at the moment the first is checked, as the per-field reads were.
     */
    private Function<String, Object> shownValues(String taskId, FormContract contract, JsonNode variables) {
        Set<String> readonly = new LinkedHashSet<>();
        if (variables != null && variables.isObject()) {
            variables.fieldNames().forEachRemaining(name -> {
                FormField field = contract.fields().get(name);
                if (field != null && field.readonly()) {
                    readonly.add(name);
                }
            });
        }
        return new Function<>() {
            private Map<String, Object> shown;

            @Override
            public Object apply(String name) {
                if (shown == null) {
                    shown = tasks.getVariables(taskId, readonly);
                }
                return shown.get(name);
            }
        };
    }

    private byte[] startSubmission(HttpServletRequest request, EngineRoute route, JsonNode json, String userId,
            Set<String> groups)
            throws SubmissionRefused {
        ProcessDefinition definition = definitionOf(route);
        if (definition == null) {
            throw new SubmissionRefused(404, null, "The process does not exist, or you may not see it.");
        }
        if (!grants.mayStart(userId, groups, definition.getKey())) {
            throw new SubmissionRefused(403, null, "Your role may not start this process.");
        }
        ObjectNode in = bodyObject(json, Set.of("variables", "businessKey", "withVariablesInReturn"));
        if (!FormSubmission.isEmpty(in.get("businessKey"))) {
            throw SubmissionRefused.field("businessKey", "The case number is given by the engine, not at the start.");
        }
        CamundaFormRef startForm = forms.getStartFormData(definition.getId()).getCamundaFormRef();
        if (startForm == null) {
            // the clocks, the investigation and letter delivery are started by the grievance, with its case
            throw new SubmissionRefused(403, null, "This process is started by the engine, not by a person.");
        }
        FormContract contract = contractOf(startForm, () -> forms.getDeployedStartForm(definition.getId()));
        ObjectNode out = StrictJson.mapper().createObjectNode();
        FormSubmission submission = new FormSubmission(contract, settings.engineOwned(), settings.caseRecordOnly(),
                settings.dates());
        out.set("variables", submission.check(in.get("variables"), name -> null));
        CaseRecordOnlyInput.hold(request, submission.held());
        if (in.has("withVariablesInReturn")) {
            out.set("withVariablesInReturn", in.get("withVariablesInReturn"));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ProcessDefinition definitionOf(EngineRoute route) {
        if (!"key".equals(route.segment(1))) {
            return repository.createProcessDefinitionQuery().processDefinitionId(route.segment(1)).singleResult();
        }
        ProcessDefinitionQuery q = repository.createProcessDefinitionQuery().processDefinitionKey(route.segment(2))
                .latestVersion();
        if ("tenant-id".equals(route.segment(3))) {
            q.tenantIdIn(route.segment(4));
        } else {
            q.withoutTenantId();
        }
        return q.singleResult();
    }

    private interface FormSource {
        InputStream open();
    }

    private static FormContract contractOf(CamundaFormRef ref, FormSource source) throws SubmissionRefused {
        if (ref == null) {
            // every user task and start event of ours has a Camunda Form; without one nothing may be written
            return FormContract.of(StrictJson.mapper().createObjectNode());
        }
        try (InputStream in = source.open()) {
            return FormContract.of(StrictJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new SubmissionRefused(409, null, "The form of this step cannot be read; tell the administrator.");
        }
    }

    private static ObjectNode bodyObject(JsonNode json, Set<String> allowed) throws SubmissionRefused {
        if (json == null || json.isNull()) {
            return StrictJson.mapper().createObjectNode();
        }
        if (!json.isObject()) {
            throw SubmissionRefused.field(null, "The request body must be a JSON object.");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw SubmissionRefused.field(name, "The field " + name + " cannot be sent here.");
            }
        }
        return (ObjectNode) json;
    }

    private Set<String> groupsOf(String userId, java.util.List<String> groupIds) {
        Set<String> groups = new HashSet<>();
        if (groupIds != null) {
            groups.addAll(groupIds);
        } else {
            for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
                groups.add(g.getId());
            }
        }
        return groups;
    }

    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException, SubmissionRefused {
        if (request.getContentLengthLong() > limit) {
            throw new SubmissionRefused(413, null, "The request is too large.");
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new SubmissionRefused(413, null, "The request is too large.");
        }
        return body;
    }

    private static boolean isJson(HttpServletRequest request) throws SubmissionRefused {
        String header = request.getContentType();
        if (header == null) {
            return true; // engine-rest reads a body without a type as JSON
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new SubmissionRefused(415, null, "Send JSON in UTF-8.");
        }
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            throw new SubmissionRefused(415, null, "Send JSON in UTF-8.");
        }
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private void answerError(HttpServletRequest request, HttpServletResponse response,
            ErrorCapturingResponse capturing) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Optional<Refusal> refusal = Refusals.of(request);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            GateProblems.write(response, r.status(), r.getMessage(), r.field(), r.rule());
            return;
        }
        String engineType = engineType(capturing.heldBody());
        int status = GateProblems.statusFor(capturing.errorStatus(), engineType);
        if (status >= 500 && database.isDown()) {
            response.setHeader("Retry-After", DatabaseAvailability.RETRY_AFTER_SECONDS);
            GateProblems.write(response, 503, DatabaseAvailability.SENTENCE, null, null);
            return;
        }
        GateProblems.write(response, status, GateProblems.detailFor(status, engineType), null, null);
    }

    /** The simple class name engine-rest puts in its error's {@code type}, or null. */
    private static String engineType(String body) {
        try {
            JsonNode node = StrictJson.mapper().readTree(body);
            return node != null && node.path("type").isTextual() ? node.path("type").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

}
