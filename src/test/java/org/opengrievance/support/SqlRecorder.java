package org.opengrievance.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The statement text a piece of work sends to the database, for tests that prove which tables a feature reads
 * (the exports: our tables, never the engine's). The application's DataSource is wrapped once; the wrapper
 * hands out the pool's own connections, untouched, except to a thread inside {@link #record}: connections it
 * opens there note every SQL text they prepare or execute. Nothing else in the shared context changes.
 */
public class SqlRecorder implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** What {@code work} returned, and the SQL it issued on this thread, in order. */
    public record Recorded<T>(T result, List<String> statements) {
    }

    public static <T> Recorded<T> record(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            return new Recorded<>(work.get(), List.copyOf(statements));
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof DataSource ds && !(bean instanceof Recording)) {
            return new Recording(ds);
        }
        return bean;
    }

    static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return watched(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return watched(super.getConnection(username, password));
        }

        private static Connection watched(Connection connection) {
            List<String> statements = RECORDING.get();
            return statements == null ? connection : watch(connection, (method, sql, prepared) -> {
                // prepareStatement(sql...), prepareCall(sql...), execute*(sql...), addBatch(sql): the first argument
                if (sql != null && (method.startsWith("prepare") || method.startsWith("execute")
                        || method.equals("addBatch"))) {
                    statements.add(sql);
                }
            });
        }
    }

    /** What a watched connection reports: each call on it or on a statement it made. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param method the JDBC method's name
         * @param sql the call's own SQL text (its first argument), or null
         * @param prepared the SQL the statement was prepared with, or null
         */
        void on(String method, String sql, String prepared);
    }

    /** The connection, with every call on it and on the statements it makes reported to the listener first. */
    public static Connection watch(Connection connection, Listener listener) {
        return proxy(Connection.class, connection, listener, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Listener listener, String prepared) {
        InvocationHandler handler = (p, method, args) -> {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            listener.on(method.getName(), sql, prepared);
            Object result = invoke(method, target, args);
            String text = method.getName().startsWith("prepare") ? sql : null;
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, listener, text);
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, listener, text);
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, listener, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
