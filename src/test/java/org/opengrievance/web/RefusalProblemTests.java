package org.opengrievance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.opengrievance.availability.DatabaseAvailability;
import org.opengrievance.refusal.Refusal;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A listener's or delegate's refusal that reaches the API, as the engine hands it over (wrapped in its own
 * exception, whose message quotes the engine's code), is the rule's 400 or 409 with its sentence, never a 500.
 */
class RefusalProblemTests {

    final ProblemHandler handler = new ProblemHandler(new DatabaseAvailability(reachableDatabase()));

    static javax.sql.DataSource reachableDatabase() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:refusal-problems");
        return h2;
    }
    final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/grievances"));

    @Test
    void aWrappedFieldRefusalIsA400NamingTheField() {
        Refusal refusal = Refusal.badField("overrideReason", "The field overrideReason is too long.");
        ResponseEntity<Object> answer = handler.engine(new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener.", refusal), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail p = (ProblemDetail) answer.getBody();
        assertThat(p.getDetail()).isEqualTo("The field overrideReason is too long.");
        assertThat(p.getProperties().get("errors")).asList().hasSize(1);
        assertThat(p.getProperties().get("errors").toString()).contains("overrideReason");
        assertThat(p.toString()).doesNotContain("ENGINE-");
    }

    @Test
    void aDoublyWrappedRuleRefusalIsA409WithItsRule() {
        Refusal refusal = Refusal.conflict("CMS-HOSP-9", "The abuse review must be done before the case closes.");
        ResponseEntity<Object> answer = handler.engine(new ProcessEngineException("ENGINE-16004",
                new ProcessEngineException("ENGINE-03051", refusal)), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        ProblemDetail p = (ProblemDetail) answer.getBody();
        assertThat(p.getDetail()).isEqualTo("The abuse review must be done before the case closes.");
        assertThat(p.getProperties()).containsEntry("rule", "CMS-HOSP-9");
    }

    @Test
    void anyOtherEngineFailureIsA500ThatSaysNothingOfTheEngine() {
        ResponseEntity<Object> answer = handler.engine(new ProcessEngineException(
                "ENGINE-03004 insert into ACT_RU_VARIABLE failed for 'Pat Testpatient'"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(List.of(answer.getBody().toString())).noneMatch(b -> b.contains("ENGINE-") || b.contains("ACT_")
                || b.contains("Testpatient"));
    }
}
