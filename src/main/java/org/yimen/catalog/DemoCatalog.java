package org.yimen.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.audit.Actor;

/**
 * Demo catalog (only with {@code yimen.demo=true}): the guides of the seven departments of the 贵州省 report, with the
 * report's figures (建设用地审批 60 → 12 working days, 环评报告书 60 → 15, 报告表 30 → 7, 登记表 on the spot, transport
 * 备案 within 3…). It is an ordinary import file, {@code catalog/demo-catalog.json}, so the demo also proves the
 * import. Runs after the demo organisation (its departments are named by code) and only once: nodes starting together
 * queue on an advisory lock and the later ones find items already there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoCatalog implements ApplicationRunner {

    static final long LOCK_KEY = 0x6361_7464_656d_6fL;
    static final String FILE = "catalog/demo-catalog.json";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final JdbcClient jdbc;
    private final JdbcCatalog catalog;
    private final CatalogAdministration administration;
    private final TransactionTemplate transaction;
    private final boolean demo;

    DemoCatalog(JdbcClient jdbc, JdbcCatalog catalog, CatalogAdministration administration,
            TransactionTemplate transaction, @Value("${yimen.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.administration = administration;
        this.transaction = transaction;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
            if (!catalog.isEmpty()) {
                return;
            }
            var report = administration.importJson(read(), Actor.system("demo-catalog"));
            if (!report.applied()) {
                // Shipped data that fails the policy is a bug to see at once, not a demo to start without guides.
                throw new IllegalStateException("The demo catalog does not pass the guide policy: "
                        + report.problems());
            }
            log.info("Created the demo catalog: {} service items", report.created());
        });
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
