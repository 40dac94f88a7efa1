package org.opengrievance.gate;

import static org.opengrievance.security.Roles.PR_DIRECTOR;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What engine-rest (and the webapps' copy of it) lets a person other than an administrator do beyond
 * reading: the few writes Tasklist and Camunda Modeler need, each tied to the check that keeps it inside
 * the rules (docs/security.md, "engine-rest per role"). Everything else that writes is refused with 403:
 * process-instance modification, restart, suspension, deletion, job and timer changes, direct variable
 * writes, message correlation, history deletion, deployment deletion, batches, task creation, comments,
 * attachments, identity links. Reads ({@code GET}) and read-only queries sent as {@code POST} pass: the
 * engine's authorizations decide what each person sees.
 */
final class EngineRestPolicy {

    /** What the gate must check before an allowed write reaches the engine. */
    enum Check {
        /** nothing more: a query, or a claim the engine authorizes by itself */
        NONE,
        /** the body may write exactly the fields of the task's Camunda Form */
        TASK_FORM,
        /** the body may write exactly the fields of the process's start form */
        START_FORM,
        /** the models must pass the deployment guard */
        DEPLOYMENT,
        /** only the signed-in user's own profile or password */
        OWN_USER,
        /** a person claims a task for themself, never for someone else */
        CLAIM_SELF
    }

    record Rule(String method, Pattern path, Set<String> groups, Check check) {

        boolean matches(EngineRoute route) {
            return method.equals(route.method()) && path.matcher(route.path()).matches();
        }

        boolean allows(Set<String> userGroups) {
            return groups.isEmpty() || userGroups.stream().anyMatch(groups::contains);
        }
    }

    /** Any signed-in user (the engine's authorizations still apply). */
    private static final Set<String> ANYONE = Set.of();

    private static final String ID = "[^/]+";
    private static final String HISTORY_QUERIES = "(process-instance|activity-instance|task|variable-instance|detail"
            + "|decision-instance|incident|job-log|identity-link-log|user-operation|external-task-log"
            + "|case-instance|case-activity-instance)";
    private static final String DEFINITION = "(" + ID + "|key/" + ID + "(/tenant-id/" + ID + ")?)";

    private static final List<Rule> RULES = List.of(
            // read-only queries that Tasklist and Cockpit send as POST
            post("/task(/count)?", ANYONE, Check.NONE),
            post("/filter/" + ID + "/(list|count|singleResult)", ANYONE, Check.NONE),
            post("/process-instance(/count)?", ANYONE, Check.NONE),
            post("/execution(/count)?", ANYONE, Check.NONE),
            post("/variable-instance(/count)?", ANYONE, Check.NONE),
            post("/job(/count)?", ANYONE, Check.NONE),
            post("/external-task(/count)?", ANYONE, Check.NONE),
            post("/history/" + HISTORY_QUERIES + "(/count)?", ANYONE, Check.NONE),
            // Tasklist: take and give back a task, complete it through its form, start through the start form
            post("/task/" + ID + "/claim", ANYONE, Check.CLAIM_SELF),
            post("/task/" + ID + "/unclaim", ANYONE, Check.NONE),
            post("/task/" + ID + "/(complete|submit-form)", ANYONE, Check.TASK_FORM),
            post("/process-definition/" + DEFINITION + "/(start|submit-form)", ANYONE, Check.START_FORM),
            // the director hands a task to someone else (the engine checks the right to)
            post("/task/" + ID + "/assignee", Set.of(PR_DIRECTOR), Check.NONE),
            // the welcome app: a person's own profile and password
            put("/user/" + ID + "/(profile|credentials)", ANYONE, Check.OWN_USER),
            // Camunda Modeler's deploy dialog
            post("/deployment/create", Set.of(PR_DIRECTOR), Check.DEPLOYMENT));

    private EngineRestPolicy() {
    }

    /** The rule that allows this write, or empty when it is refused for people other than administrators. */
    static Optional<Rule> ruleFor(EngineRoute route) {
        return RULES.stream().filter(r -> r.matches(route)).findFirst();
    }

    private static Rule post(String path, Set<String> groups, Check check) {
        return new Rule("POST", Pattern.compile(path), groups, check);
    }

    private static Rule put(String path, Set<String> groups, Check check) {
        return new Rule("PUT", Pattern.compile(path), groups, check);
    }
}
