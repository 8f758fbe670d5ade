package org.yimen.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and points the connection pool at it, unless {@code spring.datasource.url} names an
 * external server (then Spring Boot's own data source configuration applies and nothing is started here).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /**
     * Where Spring Boot's shutdown hook closes the context when the JVM exits (the application), the server stops with
     * the context, after the scheduled jobs and the event registry that still query it while it closes; where it does
     * not (the tests' shared context), the server stops itself at exit.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties,
            @Value("${spring.main.register-shutdown-hook:true}") boolean contextClosedAtExit) {
        return EmbeddedDatabase.acquire(properties.dataDir().resolve("postgres"), !contextClosedAtExit);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setPoolName("yimen-embedded");
        return dataSource;
    }
}
