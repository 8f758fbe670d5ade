package org.yimen.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every node shares.
 *
 * @param dataDir where the embedded database, uploaded materials and generated files live ({@code yimen.data-dir})
 * @param timeZone the hall's time zone: dates and working days are reckoned in it
 * @param demo whether demo accounts and data are created (defaults to true exactly when the embedded database runs)
 */
@ConfigurationProperties("yimen")
record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("false") boolean demo) {
}
