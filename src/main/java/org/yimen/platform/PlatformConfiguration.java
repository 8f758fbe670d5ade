package org.yimen.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The injected clock (every "now" and "today" in yimen comes from it, so tests can set the time) and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
