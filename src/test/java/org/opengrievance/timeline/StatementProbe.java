package org.opengrievance.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.opengrievance.support.SqlRecorder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements every thread executes while {@link #start} is on (HTTP requests included): one per
 * execution of a statement or row of a batch, as PostgreSQL's statement log would show them. A measuring tool
 * for {@link StatementCountProbeTests}, not part of the shared test context.
 */
public class StatementProbe implements BeanPostProcessor {

    private static volatile List<String> executed;

    public static void start() {
        executed = Collections.synchronizedList(new ArrayList<>());
    }

    public static List<String> stop() {
        List<String> done = executed;
        executed = null;
        return done == null ? List.of() : List.copyOf(done);
    }

    private static final Pattern TABLE = Pattern.compile("(?is)\\b(?:from|into|update)\\s+([A-Za-z_][\\w.]*)");

    /** "ours SELECT grievance_case" / "engine INSERT ACT_HI_DETAIL" -> count. */
    public static Map<String, Integer> byTable(List<String> statements) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String sql : statements) {
            String s = sql.strip();
            String verb = s.split("\\s+", 2)[0].toUpperCase();
            Matcher m = TABLE.matcher(s);
            String table = m.find() ? m.group(1).toLowerCase() : "?";
            String family = table.startsWith("act_") ? "engine" : "ours";
            counts.merge(family + " " + verb + " " + table, 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof DataSource ds && !(bean instanceof Counting)) {
            return new Counting(ds);
        }
        return bean;
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return connection(super.getConnection(u, p));
        }
    }

    /** One per execution or batch row: a prepared statement's execute() runs the text it was prepared with. */
    private static Connection connection(Connection target) {
        return SqlRecorder.watch(target, (method, sql, prepared) -> {
            List<String> into = executed;
            boolean runs = (method.startsWith("execute") && !method.equals("executeBatch")
                    && !method.equals("executeLargeBatch")) || method.equals("addBatch");
            if (into != null && runs) {
                String text = sql != null ? sql : prepared;
                into.add(Boolean.getBoolean("probe.callers") && !text.toUpperCase().contains("ACT_")
                        ? text + "\n-- from " + caller() : text);
            }
        });
    }

    /** The project's frames that issued an own-table statement (the probe's and the test's left out). */
    private static String caller() {
        StringBuilder at = new StringBuilder();
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.opengrievance.") && !c.contains("StatementProbe") && !c.contains("Tests")
                    && !c.contains("CaseDriver") && !c.contains("$$") && at.length() < 400) {
                at.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName()).append(' ');
            }
        }
        return at.toString();
    }
}
