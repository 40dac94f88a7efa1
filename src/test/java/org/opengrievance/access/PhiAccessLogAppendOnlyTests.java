package org.opengrievance.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * HIPAA-1 audit controls: the PHI access log keeps every row it was given. The application's own database user
 * (the one the engine and the case record use) can add a row but neither change nor remove one; on PostgreSQL a
 * trigger refuses it, on H2 a Java trigger.
 */
@GrievanceAppTest
class PhiAccessLogAppendOnlyTests {

    /** What the trigger says (H2AppendOnlyTrigger, db/vendor/postgresql/V10). */
    static final String REFUSAL = "phi_access_log is append-only";

    @Autowired
    PhiAccessLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordedReadCanBeNeitherChangedNorDeletedByTheApplicationsDatabaseUser() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "append-only-probe", null, AuthorityUtils.createAuthorityList("auditor")));
        try {
            log.exportRead("append-only-probe", "from=2026-01-01");
        } finally {
            SecurityContextHolder.clearContext();
        }
        long id = jdbc.sql("SELECT MAX(id) FROM phi_access_log WHERE actor = 'append-only-probe'")
                .query(Long.class).single();

        // refused by the append-only trigger (its sentence is the same on both databases), not by any SQL error
        assertThatThrownBy(() -> jdbc.sql("UPDATE phi_access_log SET actor = 'someone-else' WHERE id = ?")
                .param(id).update()).isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining(REFUSAL);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM phi_access_log WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining(REFUSAL);

        assertThat(jdbc.sql("SELECT actor FROM phi_access_log WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("append-only-probe");
    }
}
