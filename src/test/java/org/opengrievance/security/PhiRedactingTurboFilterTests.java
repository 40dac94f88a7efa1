package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The redaction rules on their own: what is kept for operations, what is withheld. */
class PhiRedactingTurboFilterTests {

    static final String NAME = "Zebediah Quillfeather";

    @Test
    void identifiersNumbersAndFlagsAreKeptFreeTextIsWithheld() {
        assertThat(PhiRedactingTurboFilter.redact("GRV-2026-000123")).isEqualTo("GRV-2026-000123");
        assertThat(PhiRedactingTurboFilter.redact("grievance:3:5b0f2a7e-eaf1-11f1-aec7-02fc00000001"))
                .isEqualTo("grievance:3:5b0f2a7e-eaf1-11f1-aec7-02fc00000001");
        assertThat(PhiRedactingTurboFilter.redact(42)).isEqualTo(42);
        assertThat(PhiRedactingTurboFilter.redact(true)).isEqualTo(true);
        assertThat(PhiRedactingTurboFilter.redact(NAME)).isEqualTo(PhiRedactingTurboFilter.WITHHELD);
        assertThat(PhiRedactingTurboFilter.redact("pat@example.org")).isEqualTo(PhiRedactingTurboFilter.WITHHELD);
        assertThat(PhiRedactingTurboFilter.redact(java.util.List.of("a"))).isEqualTo(PhiRedactingTurboFilter.WITHHELD);
        assertThat(PhiRedactingTurboFilter.redact("x".repeat(101))).isEqualTo(PhiRedactingTurboFilter.WITHHELD);
    }

    @Test
    void exceptionsKeepClassCodeAndStackButNotTheirMessages() {
        Throwable original = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation "
                + "with " + NAME, new SQLException("Value too long: '" + NAME + "'", "22001", 22001));
        Throwable redacted = PhiRedactingTurboFilter.redact(original, 0);
        assertThat(redacted.getMessage()).startsWith("org.camunda.bpm.engine.ProcessEngineException ENGINE-03004")
                .doesNotContain(NAME);
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(redacted.getCause().getMessage()).contains("java.sql.SQLException").contains("SQLState 22001")
                .doesNotContain(NAME);
    }

    @Test
    void stackTracesPrintedIntoAMessageLoseTheMessagesOnly() {
        StringWriter trace = new StringWriter();
        new ProcessEngineException("Cannot complete task: " + NAME + "\nsecond line " + NAME,
                new IllegalStateException(NAME)).printStackTrace(new PrintWriter(trace));
        String redacted = PhiRedactingTurboFilter.redactText("ENGINE-REST-HTTP500 " + trace);
        assertThat(redacted).doesNotContain(NAME).doesNotContain("second line")
                .contains("ENGINE-REST-HTTP500 org.camunda.bpm.engine.ProcessEngineException: (message withheld")
                .contains("Caused by: java.lang.IllegalStateException: (message withheld")
                .contains("\tat org.opengrievance.security.PhiRedactingTurboFilterTests");
        assertThat(PhiRedactingTurboFilter.redactText("Started in 3 seconds")).isEqualTo("Started in 3 seconds");
    }

    @Test
    void onlyLibrariesThatHandleRequestDataAreGuarded() {
        assertThat(PhiRedactingTurboFilter.guarded("org.camunda.bpm.engine.context")).isTrue();
        assertThat(PhiRedactingTurboFilter.guarded("org.camunda.bpm.engine.rest.exception")).isTrue();
        assertThat(PhiRedactingTurboFilter.guarded("org.apache.catalina.core.ContainerBase")).isTrue();
        assertThat(PhiRedactingTurboFilter.guarded("org.springframework.boot.SpringApplication")).isFalse();
    }
}
