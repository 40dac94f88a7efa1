package org.opengrievance.tasks;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opengrievance.tasks.FilterCatalogue.FilterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff work from ({@link FilterCatalogue}), brought into the engine at every start-up
 * before the web server opens, in every profile (they hold no data). Idempotent:
 * <ul>
 * <li>a missing filter is created; one that exists by name keeps what an administrator made of it, except that
 * a filter without any sorting gets the due-date sorting again (Tasklist's filter dialog drops a filter's
 * sorting when it saves one, and filters of older versions had none);</li>
 * <li>each filter is readable by its groups only: a READ grant per filter id (never {@code *}, which would show
 * every role every filter).</li>
 * </ul>
 */
@Component
class TaskFilters implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TaskFilters.class);

    static final List<Map<String, String>> CASE_COLUMNS = List.of(
            Map.of("name", "caseNumber", "label", "Case"),
            Map.of("name", "responseDueDisplay", "label", "Written response due"),
            Map.of("name", "classification", "label", "Classification"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int changed = 0;
        for (FilterSpec spec : FilterCatalogue.filters()) {
            Filter filter = ensureFilter(spec);
            changed += grantRead(filter.getId(), spec.groups());
        }
        log.info("Tasklist filters: {} checked, {} grants or filters created or changed",
                FilterCatalogue.filters().size(), changed);
    }

    private Filter ensureFilter(FilterSpec spec) {
        List<Filter> existing = filters.createFilterQuery().filterName(spec.name()).list();
        if (existing.isEmpty()) {
            Filter filter = filters.newTaskFilter(spec.name())
                    .setQuery(byDeadline(spec.query().apply(tasks)))
                    .setProperties(Map.of("priority", spec.priority(), "description", spec.description(),
                            "refresh", true, "variables", CASE_COLUMNS));
            return filters.saveFilter(filter);
        }
        Filter filter = existing.get(0);
        TaskQueryImpl query = filter.getQuery();
        if (query.getOrderingProperties() == null || query.getOrderingProperties().isEmpty()) {
            filter.setQuery(byDeadline(query));
            filters.saveFilter(filter);
        }
        return filter;
    }

    /**
     * Due date first, then priority. Tasklist appends its own sorting (creation date by default) to the
     * filter's when it lists a filter, so it only breaks ties.
     */
    static <T extends TaskQuery> T byDeadline(T query) {
        query.orderByDueDate().asc().orderByTaskPriority().desc();
        return query;
    }

    private int grantRead(String filterId, List<String> groups) {
        int changed = 0;
        for (String group : groups) {
            List<Authorization> grants = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filterId).list();
            Authorization grant;
            if (grants.isEmpty()) {
                grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filterId);
            } else if (grants.get(0).isPermissionGranted(Permissions.READ)) {
                continue;
            } else {
                grant = grants.get(0);
            }
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
            changed++;
        }
        return changed;
    }
}
