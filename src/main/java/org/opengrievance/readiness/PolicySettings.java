package org.opengrievance.readiness;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.duplicates.DuplicateProperties;
import org.opengrievance.notice.NoticeProperties;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.stereotype.Component;

/**
 * {@code policy-settings.csv}: the settings in force (configuration as it stands now: settings keep no history,
 * so the file says so) and, for every decision table and process the engine holds, each version deployed
 * before the end of the range with its deployment date and who deployed it, and which version was in force at
 * the end of the range. The deployer is the engine's user operation log entry of the deployment (REST and
 * Modeler deployments); a deployment without one was made at start-up by the application itself.
 */
@Component
class PolicySettings {

    static final List<String> HEADERS = List.of("Kind", "Name", "Key", "Value or version", "In force at end of range",
            "Latest now", "Deployed at", "Deployed by", "Deployment source", "Deployment id");
    static final String SETTING = "setting";
    static final String START_UP = "start-up deployment";
    static final String CONFIGURED_NOW = "configured now (settings keep no history)";

    private final RepositoryService repository;
    private final HistoryService history;
    private final FacilityProperties facility;
    private final PlanProperties plan;
    private final DuplicateProperties duplicates;
    private final NoticeProperties notices;
    private final EngineAsSystem system;

    PolicySettings(RepositoryService repository, HistoryService history, FacilityProperties facility,
            PlanProperties plan, DuplicateProperties duplicates, NoticeProperties notices, EngineAsSystem system) {
        this.repository = repository;
        this.system = system;
        this.history = history;
        this.facility = facility;
        this.plan = plan;
        this.duplicates = duplicates;
        this.notices = notices;
    }

    /** One deployed version of a definition (a decision or a process). */
    private record Version(String kind, String name, String key, int version, String deploymentId) {
    }

    byte[] csv(Instant endOfRange, ZoneId zone) {
        Csv csv = new Csv(HEADERS);
        settings().forEach((key, value) -> csv.row(List.of(SETTING, label(key), key, value, CONFIGURED_NOW, "yes",
                "", "", "", "")));
        Map<String, Deployment> deployments = new HashMap<>();
        // auditors have no engine grant on deployments (engine-rest lists them none: RoleMatrixTests); the pack
        // reads only each deployment's time and source, for definitions they may read, never a resource
        system.call(() -> repository.createDeploymentQuery().list()).forEach(d -> deployments.put(d.getId(), d));
        Map<String, String> deployers = deployers();
        List<Version> versions = new ArrayList<>();
        repository.createDecisionDefinitionQuery().list().forEach(d -> versions.add(new Version("decision table",
                d.getName(), d.getKey(), d.getVersion(), d.getDeploymentId())));
        repository.createProcessDefinitionQuery().list().forEach(p -> versions.add(new Version("process",
                p.getName(), p.getKey(), p.getVersion(), p.getDeploymentId())));
        versions.sort(Comparator.comparing(Version::kind).thenComparing(Version::key).thenComparing(Version::version));
        Map<String, Integer> latest = new HashMap<>();
        Map<String, Integer> inForce = new HashMap<>();
        for (Version v : versions) {
            latest.merge(v.kind() + v.key(), v.version(), Math::max);
            if (deployedBefore(deployments.get(v.deploymentId()), endOfRange)) {
                inForce.merge(v.kind() + v.key(), v.version(), Math::max);
            }
        }
        for (Version v : versions) {
            Deployment d = deployments.get(v.deploymentId());
            if (!deployedBefore(d, endOfRange)) {
                continue;
            }
            String by = deployers.get(v.deploymentId());
            csv.row(List.of(v.kind(), v.name() == null ? v.key() : v.name(), v.key(), "version " + v.version(),
                    yes(inForce.get(v.kind() + v.key()) == v.version()), yes(latest.get(v.kind() + v.key()) == v.version()),
                    LateCases.local(d.getDeploymentTime().toInstant(), zone), by == null ? START_UP : by,
                    d.getSource() == null ? "" : d.getSource(), d.getId()));
        }
        return csv.bytes();
    }

    /** The settings a surveyor asks about, by their configuration key. */
    private Map<String, String> settings() {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("grievance.facility.name", facility.name());
        s.put("grievance.facility.zone", facility.zone().getId());
        s.put("grievance.facility.follow-up-days", String.valueOf(facility.followUpDays()));
        s.put("grievance.facility.abuse-review-hours", String.valueOf(facility.abuseReviewHours()));
        s.put("grievance.facility.default-regimes", String.join(", ", facility.defaultRegimes().stream()
                .map(Enum::name).toList()));
        s.put("grievance.plan.name", plan.name());
        s.put("grievance.plan.zone", plan.zone().getId());
        s.put("grievance.plan.state-limit-days", plan.stateLimitDays() == null ? "none (the federal 90 days)"
                : String.valueOf(plan.stateLimitDays()));
        s.put("grievance.duplicates.window-days", String.valueOf(duplicates.windowDays()));
        s.put("grievance.duplicates.similarity-threshold", String.valueOf(duplicates.similarityThreshold()));
        s.put("grievance.notices.contact.name", notices.contact().name());
        s.put("grievance.notices.contact.phone", notices.contact().phone());
        s.put("grievance.notices.qio.name", notices.qio().name());
        s.put("grievance.notices.qio.phone", notices.qio().phone());
        s.put("grievance.notices.state-agency", notices.stateAgency() == null ? "" : notices.stateAgency());
        return s;
    }

    /** Who created each deployment (the user operation log; none for the application's own at start-up). */
    private Map<String, String> deployers() {
        Map<String, String> by = new HashMap<>();
        for (UserOperationLogEntry e : history.createUserOperationLogQuery().entityType(EntityTypes.DEPLOYMENT)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list()) {
            if (e.getDeploymentId() != null && e.getUserId() != null) {
                by.putIfAbsent(e.getDeploymentId(), e.getUserId());
            }
        }
        return by;
    }

    private static boolean deployedBefore(Deployment d, Instant end) {
        return d != null && d.getDeploymentTime() != null && d.getDeploymentTime().toInstant().isBefore(end);
    }

    private static String label(String key) {
        return key.substring(key.lastIndexOf('.') + 1).replace('-', ' ');
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
