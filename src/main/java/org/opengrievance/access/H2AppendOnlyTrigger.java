package org.opengrievance.access;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's stand-in for PostgreSQL's append-only trigger on phi_access_log (db/vendor/h2/V10): every UPDATE and
 * DELETE of a row fails. H2 is the demo and test database; production runs PostgreSQL.
 */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("phi_access_log is append-only", "42501");
    }
}
