package org.opengrievance.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;
import static org.opengrievance.security.Roles.ADMIN;
import static org.opengrievance.security.Roles.AUDITOR;
import static org.opengrievance.security.Roles.CASE_MANAGEMENT;
import static org.opengrievance.security.Roles.INTAKE;
import static org.opengrievance.security.Roles.INVESTIGATORS;
import static org.opengrievance.security.Roles.PATIENT_RELATIONS;
import static org.opengrievance.security.Roles.PR_DIRECTOR;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations each role needs (docs/security.md has the table), granted to the groups at every
 * start-up in every profile, before the web server opens. Idempotent: a grant that is there is left alone, a
 * missing permission is added; grants an administrator added on top are kept. What a role's {@code *} grant
 * must not cover is revoked on the definition's own key ({@link #revocations()}). Tasks need no grant here: the
 * engine gives a task's candidate group and assignee READ and TASK_WORK on that task when it is created
 * ({@code default-user-permission-name-for-task: TASK_WORK}).
 */
@Component
class AuthorizationBaseline implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationBaseline.class);

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";
    static final String GRIEVANCE_PROCESS = "grievance";
    static final String CASE_CHANGE_PROCESS = "caseChange";
    static final String MONTHLY_REPORT_PROCESS = "monthlyReport";

    /** One group's permissions on one resource. */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private final AuthorizationService authorizations;

    AuthorizationBaseline(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        List<String> tasklistUsers = new ArrayList<>(List.of(INTAKE, PATIENT_RELATIONS, PR_DIRECTOR, Roles.APPEALS,
                CASE_MANAGEMENT));
        tasklistUsers.addAll(INVESTIGATORS);
        for (String group : tasklistUsers) {
            grants.add(grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
            // the Tasklist filters are granted per filter id to the groups that need them (tasks.TaskFilters)
        }

        // intake: start a grievance; its confirmClassification task comes from the candidate group
        grants.add(grant(INTAKE, Resources.PROCESS_DEFINITION, GRIEVANCE_PROCESS,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(grant(INTAKE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
        // intake: "Reclassify, split or convert a case" from Tasklist (a new linked case is a new intake);
        // patient relations and the director start it under their grant on every definition below
        grants.add(grant(INTAKE, Resources.PROCESS_DEFINITION, CASE_CHANGE_PROCESS,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));

        // everyone who logs or works cases: the policy tables (deadline clocks) are read and evaluated on
        // their behalf by the API; decision tables hold policy, never patient data
        for (String group : List.of(INTAKE, PATIENT_RELATIONS, PR_DIRECTOR)) {
            grants.add(grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE));
        }

        // patient relations run every grievance: read all instances and their history, start, withdraw. Tasks
        // they read only as candidates or assignees (the engine's task grants), like every other group: a
        // definition-wide READ_TASK showed them the director's approvals and abuse reviews, with the patient's
        // name and complaint, and offered a Claim that failed (taken back on older databases by revokeFormerGrants)
        for (String group : List.of(PATIENT_RELATIONS, PR_DIRECTOR)) {
            grants.add(grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY));
            grants.add(grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
                    ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE));
        }

        // the director also deploys from Camunda Modeler and looks after running instances in Cockpit
        // (no suspension, deletion, migration or history deletion: engine-rest refuses those to people, and
        // DELETE_HISTORY is taken from every group but the administrators', see NEVER_GRANTED)
        grants.add(grant(PR_DIRECTOR, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
        grants.add(grant(PR_DIRECTOR, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
        grants.add(grant(PR_DIRECTOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_HISTORY));
        grants.add(grant(PR_DIRECTOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(grant(PR_DIRECTOR, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        // the monthly report is the director's alone (revocations()); a grant on the key outranks a revoke on it,
        // so a director who is also in patient-relations (the demo's diana) keeps it
        grants.add(grant(PR_DIRECTOR, Resources.PROCESS_DEFINITION, MONTHLY_REPORT_PROCESS,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));

        // auditors read, never change: definitions, instances, history, decisions, the operation log
        grants.add(grant(AUDITOR, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(grant(AUDITOR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(grant(AUDITOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_HISTORY));
        grants.add(grant(AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(grant(AUDITOR, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
        grants.add(grant(AUDITOR, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));

        // administrators: everything (the engine also treats camunda-admin as its admin group)
        for (Resources resource : Resources.values()) {
            grants.add(grant(ADMIN, resource, ANY, Permissions.ALL));
        }
        return grants;
    }

    /**
     * Permissions taken from a group on one key although its grant on {@code *} holds them: the engine checks a
     * definition's own key before {@code *}, so the revoke wins over the wider grant. Patient relations start
     * every process but the director's monthly report: without this Tasklist offered it to them and the start
     * failed with a 409 from {@code chooseReportMonth}.
     */
    static List<Grant> revocations() {
        return List.of(grant(PATIENT_RELATIONS, Resources.PROCESS_DEFINITION, MONTHLY_REPORT_PROCESS,
                ProcessDefinitionPermissions.CREATE_INSTANCE));
    }

    private static Grant grant(String group, Resource resource, String resourceId, Permission... permissions) {
        return new Grant(group, resource, resourceId, List.of(permissions));
    }

    @Override
    public void afterSingletonsInstantiated() {
        int changed = apply();
        log.info("Engine authorizations: {} role grants and {} revocations checked, {} created or extended",
                grants().size(), revocations().size(), changed);
    }

    /**
     * Permissions no group but the administrators' may hold, whoever granted them: deleting history erases what
     * auditors reconstruct a case from (CMS-HOSP-10), and deleting instances or definitions takes a case out of
     * its rules. Taken away at every start-up.
     */
    static final List<Permission> NEVER_GRANTED = List.of(ProcessDefinitionPermissions.DELETE_HISTORY,
            ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.DELETE);

    /** Brings every grant of the baseline into the engine; returns how many had to be created or extended. */
    int apply() {
        int changed = revokeNeverGranted();
        for (Grant grant : grants()) {
            changed += ensure(AUTH_TYPE_GRANT, grant);
        }
        for (Grant revocation : revocations()) {
            changed += ensure(AUTH_TYPE_REVOKE, revocation);
        }
        return changed;
    }

    /** One grant or revoke row with at least these permissions granted or revoked; 1 if it had to be saved. */
    private int ensure(int type, Grant grant) {
        List<Authorization> existing = authorizations.createAuthorizationQuery()
                .authorizationType(type)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .list();
        Authorization authorization;
        boolean dirty = false;
        if (existing.isEmpty()) {
            authorization = authorizations.createNewAuthorization(type);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            dirty = true;
        } else {
            authorization = existing.get(0);
        }
        for (Permission permission : grant.permissions()) {
            if (type == AUTH_TYPE_GRANT && !authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                dirty = true;
            } else if (type == AUTH_TYPE_REVOKE && !authorization.isPermissionRevoked(permission)) {
                authorization.removePermission(permission);
                dirty = true;
            }
        }
        if (dirty) {
            authorizations.saveAuthorization(authorization);
            return 1;
        }
        return 0;
    }

    private int revokeNeverGranted() {
        return revoke(Resources.PROCESS_DEFINITION, NEVER_GRANTED)
                + revoke(Resources.DECISION_DEFINITION, List.of(Permissions.DELETE_HISTORY))
                + revokeFormerGrants();
    }

    /**
     * Grants earlier versions of this baseline gave and this one no longer does, taken back on databases that
     * still hold them: patient relations' definition-wide READ_TASK, and READ on every filter ({@code *}) for
     * the staff groups, now granted per filter. Only these exact rows are touched.
     */
    private int revokeFormerGrants() {
        int changed = revokeFrom(PATIENT_RELATIONS, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ_TASK);
        List<String> staff = new ArrayList<>(List.of(INTAKE, PATIENT_RELATIONS, PR_DIRECTOR, Roles.APPEALS));
        staff.addAll(INVESTIGATORS);
        for (String group : staff) {
            changed += revokeFrom(group, Resources.FILTER, ANY, Permissions.READ);
        }
        return changed;
    }

    private int revokeFrom(String group, Resource resource, String resourceId, Permission permission) {
        int changed = 0;
        for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list()) {
            if (a.isPermissionGranted(permission)) {
                a.removePermission(permission);
                authorizations.saveAuthorization(a);
                changed++;
            }
        }
        return changed;
    }

    private int revoke(Resource resource, List<Permission> permissions) {
        int changed = 0;
        for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).list()) {
            if (ADMIN.equals(a.getGroupId())) {
                continue;
            }
            boolean dirty = false;
            for (Permission p : permissions) {
                if (a.isPermissionGranted(p)) {
                    a.removePermission(p);
                    dirty = true;
                }
            }
            if (dirty) {
                authorizations.saveAuthorization(a);
                changed++;
            }
        }
        return changed;
    }
}
