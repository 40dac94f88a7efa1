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
            return statements == null ? connection : proxy(Connection.class, connection, statements);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, List<String> statements) {
        InvocationHandler handler = (p, method, args) -> {
            noteSql(method, args, statements);
            Object result = invoke(method, target, args);
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, statements);
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, statements);
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, statements);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** prepareStatement(sql...), prepareCall(sql...), execute*(sql...), addBatch(sql): the first argument. */
    private static void noteSql(Method method, Object[] args, List<String> statements) {
        String name = method.getName();
        if (args != null && args.length > 0 && args[0] instanceof String sql
                && (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch"))) {
            statements.add(sql);
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
