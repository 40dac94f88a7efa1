package org.opengrievance.operations;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code GRIEVANCE_DB_FIRST_INSTALL=true} ({@code grievance.database.first-install}) turns the engine's
 * {@code camunda.bpm.database.schema-update} to {@code create} for that start: the engine creates its tables in the
 * empty database. Otherwise the production setting ({@code false}) stands: the engine checks its tables and changes
 * nothing. A start with the switch left on against an installed database fails on the existing tables and changes
 * nothing either. A switch of its own, because schema-update's values ({@code true}, {@code false}, {@code create},
 * {@code create-drop}, {@code drop-create}) include two that delete every case's history.
 */
public class FirstInstallSchema implements EnvironmentPostProcessor {

    static final String SWITCH = "grievance.database.first-install";
    static final String SCHEMA_UPDATE = "camunda.bpm.database.schema-update";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value;
        try {
            value = environment.getProperty(SWITCH);
        } catch (IllegalArgumentException unresolvable) {
            return;
        }
        if (Boolean.parseBoolean(value)) {
            environment.getPropertySources().addFirst(new MapPropertySource("grievanceFirstInstall",
                    Map.of(SCHEMA_UPDATE, "create")));
        }
    }
}
