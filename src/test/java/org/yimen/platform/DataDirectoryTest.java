package org.yimen.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yimen.YimenApplication;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;

/** The embedded database keeps its data across restarts and refuses a directory another process is using. */
class DataDirectoryTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void dataSurvivesARestart() {
        try (var first = start("--yimen.security.initial-admin-username=chief",
                "--yimen.security.initial-admin-password=Provincial#Hall2026")) {
            var accounts = first.getBean(StaffAccounts.class);
            assertThat(accounts.findByUsername("chief")).as("the first administrator of a new installation")
                    .hasValueSatisfying(chief -> assertThat(chief.roles()).containsExactly(Role.ADMIN));
            assertThat(accounts.findByUsername("admin")).as("no demo account outside demo mode").isEmpty();
            accounts.createAccount("restart-check", "重启检查", "R-0001", "{noop}unused", Set.of(Role.CLERK));
        }
        assertThat(Files.exists(dataDir.resolve("postgres/pgdata/postmaster.pid")))
                .as("PostgreSQL stopped cleanly").isFalse();
        try (var second = start()) {
            assertThat(second.getBean(StaffAccounts.class).findByUsername("restart-check"))
                    .hasValueSatisfying(account -> assertThat(account.name()).isEqualTo("重启检查"));

            // The command-line check of the audit trail, run against the same data directory
            assertThat(auditVerify()).startsWith("0 Audit trail intact: places 1 to ");
            var jdbc = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            jdbc.sql("alter table audit_record disable trigger user").update();
            jdbc.sql("update audit_record set actor_name = 'someone else' where link = 1").update();
            assertThat(auditVerify()).startsWith("1 Audit trail BROKEN: intact up to place 0; at place 1:");
        }
    }

    @Test
    void aDirectoryInUseByAnotherProcessIsRefusedWithAClearMessage() throws Exception {
        Path directory = dataDir.resolve("postgres");
        Files.createDirectories(directory);
        try (var channel = FileChannel.open(directory.resolve("yimen.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var held = channel.lock()) {
            assertThatThrownBy(() -> EmbeddedDatabase.acquire(directory, true))
                    .isInstanceOf(EmbeddedDatabaseUnavailable.class)
                    .hasMessageContaining("another yimen process is using this data directory");
        }
        assertThat(Files.exists(directory.resolve("pgdata"))).as("nothing was initialised").isFalse();
    }

    private String auditVerify() {
        var out = new java.io.ByteArrayOutputStream();
        int status = org.yimen.audit.AuditCommand.verify(YimenApplication.class,
                new String[] {"--yimen.data-dir=" + dataDir}, new java.io.PrintStream(out, true,
                        java.nio.charset.StandardCharsets.UTF_8));
        return status + " " + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Starts the whole application on this test's own directory (arguments outrank the suite's shared one). */
    private ConfigurableApplicationContext start(String... arguments) {
        var all = new java.util.ArrayList<>(java.util.List.of("--yimen.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off", "--yimen.demo=false"));
        all.addAll(java.util.List.of(arguments));
        return new SpringApplicationBuilder(YimenApplication.class).run(all.toArray(String[]::new));
    }
}
