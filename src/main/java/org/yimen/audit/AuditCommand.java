package org.yimen.audit;

import java.io.PrintStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar yimen.jar audit verify [--yimen.data-dir=… | --spring.datasource.url=…]}: checks the trail from the
 * command line with the application's own configuration and exits 0 only when it is intact. Logging keeps the
 * application's levels (a command that changed them would change them for the whole JVM).
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    public static int verify(Class<?> application, String[] args, PrintStream out) {
        try (var context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false", "yimen.demo=false")
                .run(args)) {
            context.getBean(AuditSealer.class).seal(); // what the last node wrote before it stopped, if anything
            VerificationReport report = context.getBean(AuditVerification.class).verify();
            if (report.intact()) {
                out.printf("Audit trail intact: places %d to %d of the chain (%d records), %d checkpoint(s) agree.%n",
                        report.firstLink(), report.verifiedUpTo(), report.records(), report.checkpoints());
                return 0;
            }
            var breach = report.breach();
            out.printf("Audit trail BROKEN: intact up to place %d; at place %d: %s (%s).%n", report.verifiedUpTo(),
                    breach.link(), breach.explanation(), breach.kind());
            return 1;
        }
    }
}
