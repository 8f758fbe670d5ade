package org.yimen.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread sends while it runs a piece of work: the application's data source
 * is wrapped so that every statement executed on one of its connections is noted. The figure is independent of the
 * machine, so tests may hold transitions to a budget.
 */
public final class StatementCounter {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private StatementCounter() {
    }

    /** The statements {@code work} sent, in order. */
    public static List<String> statementsOf(Runnable work) {
        List<String> sql = new ArrayList<>();
        RECORDING.set(sql);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return sql;
    }

    private static void note(String sql) {
        List<String> list = RECORDING.get();
        if (list != null) {
            list.add(sql);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof HikariDataSource hikari) {
                        // Same type and settings, so code that looks at the pool (the call relay) sees no change.
                        HikariConfig config = new HikariConfig();
                        hikari.copyStateTo(config);
                        hikari.close();
                        return new CountingDataSource(config);
                    }
                    return bean;
                }
            };
        }
    }

    /** The application's pool, handing out connections whose statements are noted. */
    static final class CountingDataSource extends HikariDataSource {

        CountingDataSource(HikariConfig config) {
            super(config);
        }

        /** Only a thread that is counting gets a wrapped connection, so benchmarks measure the pool as it is. */
        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return RECORDING.get() == null ? connection : connection(connection);
        }
    }

    private static Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
            String name = method.getName();
            if (result instanceof Statement s && (name.equals("prepareStatement") || name.equals("prepareCall")
                    || name.equals("createStatement"))) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                return statement(s, prepared);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                interfacesOf(target, Connection.class), handler);
    }

    private static Statement statement(Statement target, String prepared) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                note(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        };
        return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                interfacesOf(target, Statement.class), handler);
    }

    private static Class<?>[] interfacesOf(Object target, Class<?> fallback) {
        Set<Class<?>> all = new java.util.LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            all.addAll(List.of(c.getInterfaces()));
        }
        all.add(fallback);
        return all.toArray(Class<?>[]::new);
    }
}
