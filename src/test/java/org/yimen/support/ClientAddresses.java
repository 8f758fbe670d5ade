package org.yimen.support;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every MockMvc request comes from its own client address, as in a real hall, so that per-address rate limits
 * (sign-in, kiosks) never add up across the whole suite. A test that needs one address sets it explicitly.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ClientAddresses {

    @Bean
    MockMvcBuilderCustomizer distinctClientAddresses() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            var random = ThreadLocalRandom.current();
            request.setRemoteAddr("10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254)));
            return request;
        }));
    }
}
