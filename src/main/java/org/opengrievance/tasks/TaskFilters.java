package org.opengrievance.tasks;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff work from. They hold no data, so every profile gets them; a filter that
 * already exists by name is left as an administrator may have changed it.
 */
@Component
class TaskFilters {

    static final List<Map<String, String>> CASE_COLUMNS = List.of(
            Map.of("name", "caseNumber", "label", "Case"),
            Map.of("name", "responseDueDisplay", "label", "Written response due"),
            Map.of("name", "classification", "label", "Classification"));

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        create("My tasks", 10, "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("My groups' tasks", 20, "Unassigned tasks of my groups",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        create("Due in 48 hours", 30, "Open tasks due within the next 48 hours",
                tasks.createTaskQuery().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(48)}"));
        create("Overdue", 40, "Open tasks past their due date",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"));
        create("Expedited", 50, "Tasks of expedited (24-hour) grievances",
                tasks.createTaskQuery().processVariableValueEquals("expedited", true));
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                        "variables", CASE_COLUMNS));
        filters.saveFilter(filter);
    }
}
