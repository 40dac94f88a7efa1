package org.opengrievance.timeline;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

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

    private static Connection connection(Connection target) {
        InvocationHandler h = (p, method, args) -> {
            Object result = invoke(method, target, args);
            if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                return statement(PreparedStatement.class, ps, sql);
            }
            if (result instanceof Statement st) {
                return statement(Statement.class, st, null);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(StatementProbe.class.getClassLoader(),
                new Class<?>[] {Connection.class}, h);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Statement> T statement(Class<T> type, T target, String prepared) {
        InvocationHandler h = (p, method, args) -> {
            String name = method.getName();
            List<String> into = executed;
            if (into != null) {
                boolean withSql = args != null && args.length > 0 && args[0] instanceof String;
                if ((name.startsWith("execute") && !name.equals("executeBatch") && !name.equals("executeLargeBatch"))
                        || name.equals("addBatch")) {
                    String sql = withSql ? (String) args[0] : prepared;
                    into.add(Boolean.getBoolean("probe.callers") && !sql.toUpperCase().contains("ACT_")
                            ? sql + "\n-- from " + caller() : sql);
                }
            }
            return invoke(method, target, args);
        };
        return (T) Proxy.newProxyInstance(StatementProbe.class.getClassLoader(), new Class<?>[] {type}, h);
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

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
