package org.yimen.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode (demo accounts, demo data, the demo banner) is on by default exactly when no external database is
 * configured, so a fresh clone is usable at once and a production database never receives a default password.
 */
class DemoModeDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        environment.getPropertySources().addLast(new MapPropertySource("yimenDemoDefault",
                Map.of("yimen.demo", Boolean.toString(embedded))));
    }
}
