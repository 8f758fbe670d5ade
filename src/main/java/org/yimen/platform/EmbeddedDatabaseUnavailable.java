package org.yimen.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The embedded PostgreSQL could not be started on its data directory; the message says why and what to do. */
class EmbeddedDatabaseUnavailable extends RuntimeException {

    EmbeddedDatabaseUnavailable(Path directory, String reason) {
        this(directory, reason, null);
    }

    EmbeddedDatabaseUnavailable(Path directory, @Nullable String reason, @Nullable Throwable cause) {
        super("Cannot start the embedded PostgreSQL in " + directory + ": " + reason, cause);
    }
}
