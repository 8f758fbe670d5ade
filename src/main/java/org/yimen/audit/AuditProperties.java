package org.yimen.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings ({@code yimen.audit.*}).
 *
 * @param hashAlgorithm {@code SHA-256} or {@code SM3} (商用密码); each record stores the algorithm it was hashed with
 * @param retention how long records are kept; never less than 180 days (等保 2.0 requires six months)
 * @param checkpointDirectory where signed checkpoint files go; default {@code ${yimen.data-dir}/audit-checkpoints}
 * @param checkpointKeyFile the HMAC key that signs checkpoints; default {@code ${yimen.data-dir}/keys/audit-checkpoint.key},
 *     created on first use. Keep it outside the database (and ideally off the database host).
 * @param checkpointCron when checkpoints are written (default daily at 02:00 in the hall's zone)
 * @param purge whether records older than the retention are removed (daily, after the checkpoint); off by default,
 *     so the trail is kept for ever unless the hall decides otherwise
 */
@ConfigurationProperties("yimen.audit")
record AuditProperties(@DefaultValue("SHA-256") String hashAlgorithm, @DefaultValue("180d") Duration retention,
        @Nullable Path checkpointDirectory, @Nullable Path checkpointKeyFile,
        @DefaultValue("0 0 2 * * *") String checkpointCron, @DefaultValue("false") boolean purge) {

    static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    AuditProperties {
        if (!hashAlgorithm.equals("SHA-256") && !hashAlgorithm.equals("SM3")) {
            throw new IllegalArgumentException("yimen.audit.hash-algorithm must be SHA-256 or SM3, not "
                    + hashAlgorithm);
        }
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("yimen.audit.retention must be at least 180 days, not " + retention);
        }
    }
}
