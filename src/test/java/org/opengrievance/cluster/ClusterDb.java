package org.opengrievance.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the shared database, for verification only: the scenarios drive the nodes over HTTP and count
 * here what they left behind. A fresh connection per read, so a read after the PostgreSQL restart works.
 */
final class ClusterDb {

    final String url;
    private final String user;
    private final String password;

    ClusterDb(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The scenarios need an empty database: the first node installs the schemas on it. */
    long tablesInSchema() throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
    }

    /** complaint text -> the case numbers of the rows holding it (more than one is a duplicate). */
    Map<String, List<String>> casesByComplaint(String complaintPrefix) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        query("SELECT complaint_text, case_number FROM grievance_case WHERE complaint_text LIKE ?", rs ->
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)),
                complaintPrefix + "%");
        return out;
    }

    /** Case rows whose process instance is not in the engine's history (half-written). */
    long casesWithoutProcess() throws SQLException {
        return count("SELECT count(*) FROM grievance_case c WHERE NOT EXISTS"
                + " (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = c.process_instance_id)");
    }

    /** Grievance process instances that have no case row (half-written the other way). */
    long processesWithoutCase() throws SQLException {
        return count("SELECT count(*) FROM act_hi_procinst p WHERE p.proc_def_key_ = 'grievance' AND NOT EXISTS"
                + " (SELECT 1 FROM grievance_case c WHERE c.process_instance_id = p.id_)");
    }

    /** Of these cases, how many have a running process instance (a row in ACT_RU_EXECUTION). */
    long casesWithRunningProcess(Collection<String> caseNumbers) throws SQLException {
        return count("SELECT count(*) FROM grievance_case c JOIN act_ru_execution e ON e.id_ = c.process_instance_id"
                + " WHERE c.case_number = ANY(?)", caseNumbers);
    }

    /** case number -> how many clock_event rows of this kind it has. */
    Map<String, Integer> clockEvents(Collection<String> caseNumbers, String kind) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        query("SELECT case_number, count(*) FROM clock_event WHERE kind = ? AND case_number = ANY(?) GROUP BY 1",
                rs -> out.put(rs.getString(1), rs.getInt(2)), kind, caseNumbers);
        return out;
    }

    /** case number -> how many tasks of this definition it ever had (open or done), over all its processes. */
    Map<String, Integer> tasksEver(Collection<String> caseNumbers, String taskKey) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        query("SELECT p.business_key_, count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_"
                + " WHERE t.task_def_key_ = ? AND p.business_key_ = ANY(?) GROUP BY 1",
                rs -> out.put(rs.getString(1), rs.getInt(2)), taskKey, caseNumbers);
        return out;
    }

    /** case number -> (task definition -> open tasks). */
    Map<String, Map<String, Integer>> openTasks(Collection<String> caseNumbers) throws SQLException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        query("SELECT e.business_key_, t.task_def_key_, count(*) FROM act_ru_task t"
                + " JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ANY(?) GROUP BY 1, 2",
                rs -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)),
                caseNumbers);
        return out;
    }

    /** Jobs an executor should run now: due (or async, without a due date), with retries, not suspended. */
    long dueJobs() throws SQLException {
        return count("SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1"
                + " AND (duedate_ IS NULL OR duedate_ <= ?)", Timestamp.from(Instant.now()));
    }

    long incidents() throws SQLException {
        return count("SELECT count(*) FROM act_ru_incident");
    }

    /** job id -> lock owner, for the jobs an executor holds right now. */
    Map<String, String> lockedJobs() throws SQLException {
        Map<String, String> out = new HashMap<>();
        query("SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > ?",
                rs -> out.put(rs.getString(1), rs.getString(2)), Timestamp.from(Instant.now()));
        return out;
    }

    /** Of these jobs, how many are still in ACT_RU_JOB with the given lock owners. */
    long stillLockedBy(Map<String, String> jobsAndOwners) throws SQLException {
        long n = 0;
        Map<String, String> now = new HashMap<>();
        query("SELECT id_, lock_owner_ FROM act_ru_job WHERE id_ = ANY(?)",
                rs -> now.put(rs.getString(1), rs.getString(2)), jobsAndOwners.keySet());
        for (Map.Entry<String, String> e : jobsAndOwners.entrySet()) {
            if (e.getValue().equals(now.get(e.getKey()))) {
                n++;
            }
        }
        return n;
    }

    /** "hostname / job type / state" -> job log entries since the instant (state 2 = successful, 1 = failed). */
    Map<String, Integer> jobLog(Instant since) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        query("SELECT hostname_, job_def_type_, job_state_, count(*) FROM act_hi_job_log"
                + " WHERE job_state_ IN (1, 2) AND timestamp_ >= ? GROUP BY 1, 2, 3",
                rs -> out.put(rs.getString(1) + " / " + rs.getString(2) + " / "
                        + (rs.getInt(3) == 2 ? "successful" : "failed"), rs.getInt(4)), Timestamp.from(since));
        return out;
    }

    record Letter(long id, String caseNumber, String status, String channel) {
    }

    List<Letter> letters(Collection<String> caseNumbers, String kind) throws SQLException {
        List<Letter> out = new ArrayList<>();
        query("SELECT id, case_number, status, channel FROM letter WHERE kind = ? AND case_number = ANY(?)",
                rs -> out.add(new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))),
                kind, caseNumbers);
        return out;
    }

    /** letter id -> its SENT events in letter_event. */
    Map<Long, Integer> sentEvents(Collection<Long> letterIds) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT letter_id, count(*) FROM letter_event WHERE event = 'SENT' AND letter_id = ANY(?) GROUP BY 1")) {
            s.setArray(1, c.createArrayOf("bigint", letterIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private long count(String sql, Object... params) throws SQLException {
        long[] n = {0};
        query(sql, rs -> n[0] = rs.getLong(1), params);
        return n[0];
    }

    private void query(String sql, Row row, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Collection<?> values) {
                    s.setArray(i + 1, c.createArrayOf("varchar", values.toArray()));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
