package org.opengrievance.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The text of every SQL statement the application sends while a test records (test-only: a wrapper around the
 * application's DataSource). For tests about which tables a feature reads; between recordings it only passes
 * calls on. Records every thread: the request a test sends runs on the server's threads.
 */
public final class RecordedSql {

    private static final Queue<String> STATEMENTS = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean RECORDING = new AtomicBoolean();
    private static final Set<String> WITH_SQL = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch");

    private RecordedSql() {
    }

    /** Starts recording (what was recorded before is dropped); close the recording to stop. */
    public static Recording record() {
        STATEMENTS.clear();
        RECORDING.set(true);
        return new Recording();
    }

    public static final class Recording implements AutoCloseable {

        private Recording() {
        }

        /** The statements so far, in the order they were sent. */
        public List<String> statements() {
            return List.copyOf(STATEMENTS);
        }

        @Override
        public void close() {
            RECORDING.set(false);
        }
    }

    /** Wraps the application's DataSource; imported by {@link GrievanceAppTest}, so the shared context has it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof RecordingDataSource)
                            ? new RecordingDataSource(ds) : bean;
                }
            };
        }
    }

    static final class RecordingDataSource extends DelegatingDataSource {

        RecordingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recording(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recording(super.getConnection(username, password));
        }

        private static Connection recording(Connection connection) {
            return (Connection) Proxy.newProxyInstance(RecordedSql.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Recorder(connection));
        }
    }

    /** Notes the SQL text of statements prepared or executed; statements it creates are recorded the same way. */
    private record Recorder(Object target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && args == null) {
                return System.identityHashCode(proxy);
            }
            if (RECORDING.get() && WITH_SQL.contains(method.getName()) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                STATEMENTS.add(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && method.getReturnType().isInterface()
                    && Statement.class.isAssignableFrom(method.getReturnType())) {
                return Proxy.newProxyInstance(RecordedSql.class.getClassLoader(),
                        new Class<?>[] {method.getReturnType()}, new Recorder(statement));
            }
            return result;
        }
    }
}
