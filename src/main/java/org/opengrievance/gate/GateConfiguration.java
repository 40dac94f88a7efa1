package org.opengrievance.gate;

import java.time.ZoneId;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.opengrievance.availability.DatabaseAvailability;
import org.opengrievance.config.TimeBounds;
import org.opengrievance.deployment.DeploymentGuard;
import org.opengrievance.deployment.EngineOwnedVariables;
import org.opengrievance.intake.IntakeVariables;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;

/**
 * Puts the gate in front of engine-rest and the webapps' API. It must run after the webapps' own
 * authentication filter (which tells the engine who is signed in to Tasklist or Cockpit), and those filters
 * are added by the webapp starter's initializer: so the gate is added by an initializer of its own that is
 * configured after the starter's (an auto-configuration ordered after it) and appends its mapping last.
 * {@code GateOrderTests} fails if that order is ever lost.
 */
@AutoConfiguration(afterName = "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
public class GateConfiguration {

    @Bean
    ServletContextInitializer engineApiGate(IdentityService identity, TaskService tasks, FormService forms,
            RepositoryService repository, AuthorizationService authorizations, EngineAsSystem system,
            TimeBounds timeBounds, DeploymentGuard deploymentGuard, DatabaseAvailability database, @Value("${grievance.facility.zone}") ZoneId zone,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        GateSettings settings = new GateSettings(EngineOwnedVariables.NAMES, IntakeVariables.CASE_RECORD_ONLY,
                new DateBounds(timeBounds, zone), new GuardedDeployments(deploymentGuard));
        EngineApiGate gate = new EngineApiGate(identity, tasks, forms, repository,
                new EngineGrants(authorizations, repository, system), settings, database);
        return servletContext -> {
            FilterRegistration.Dynamic registration = servletContext.addFilter("grievanceEngineApiGate", gate);
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/*",
                    webappPath + "/api/*");
        };
    }
}
