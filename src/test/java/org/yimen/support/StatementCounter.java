package org.yimen.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
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
                    return bean instanceof DataSource ds ? wrap(ds, DataSource.class, sql -> null) : bean;
                }
            };
        }
    }

    /** Wraps data sources, connections and statements so that executions are noted with their SQL. */
    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type, java.util.function.Function<Object[], String> sqlOf) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
            return wrapped(method, args, result);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfacesOf(target, type),
                handler);
    }

    private static Object wrapped(Method method, Object[] args, Object result) {
        String name = method.getName();
        if (result instanceof Connection c && !(result instanceof Proxy)) {
            return wrap(c, Connection.class, a -> null);
        }
        if (result instanceof Statement s && (name.equals("prepareStatement") || name.equals("prepareCall")
                || name.equals("createStatement"))) {
            String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
            return statement(s, prepared);
        }
        return result;
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
