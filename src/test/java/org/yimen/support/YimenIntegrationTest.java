package org.yimen.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the shared embedded PostgreSQL, served on a random port (for HTTP and browser tests),
 * with MockMvc and a settable clock. Every integration test
 * uses exactly this annotation and nothing that changes the context, so the suite starts one Spring context.
 * Tests that move {@link TestClock} put it back in {@code @AfterEach}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// The test context loader registers no shutdown hook, and says so, so that the embedded PostgreSQL stops at JVM exit.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.register-shutdown-hook=false")
@AutoConfigureMockMvc
@Import({TestClock.Configuration.class, ClientAddresses.class, StatementCounter.Configuration.class})
public @interface YimenIntegrationTest {
}
