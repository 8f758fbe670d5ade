package org.yimen;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.yimen.audit.AuditCommand;

/**
 * yimen (一门): the one-stop government service hall. One deployable, many identical nodes, one PostgreSQL.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class YimenApplication {

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("audit") && args[1].equals("verify")) {
            System.exit(AuditCommand.verify(YimenApplication.class, Arrays.copyOfRange(args, 2, args.length),
                    System.out));
        }
        SpringApplication.run(YimenApplication.class, args);
    }
}
