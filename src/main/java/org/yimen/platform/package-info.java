/**
 * Runtime platform: the embedded PostgreSQL used when no external database is configured, the injected clock and
 * the once-across-nodes guard for scheduled work.
 */
@NullMarked
package org.yimen.platform;

import org.jspecify.annotations.NullMarked;
