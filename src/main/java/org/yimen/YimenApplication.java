package org.yimen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * yimen (一门): the one-stop government service hall. One deployable, many identical nodes, one PostgreSQL.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class YimenApplication {

    public static void main(String[] args) {
        SpringApplication.run(YimenApplication.class, args);
    }
}
