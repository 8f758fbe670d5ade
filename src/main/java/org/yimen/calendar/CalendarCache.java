package org.yimen.calendar;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar in memory and in step with the database. At most once per {@code refresh-check} a read asks
 * the database for the cheap {@link CalendarStore.Stamp}; only when it moved is the calendar read again (a few
 * hundred rows). Edits made through this node are seen at once, other nodes' within one interval. Chosen over a
 * LISTEN/NOTIFY push because it needs no connection of its own and cannot miss a message.
 */
@Component
class CalendarCache implements CalendarSource {

    private record Loaded(CalendarSnapshot snapshot, CalendarStore.Stamp stamp, long checkedAt) {
    }

    private final CalendarStore store;
    private final long checkEveryNanos;
    private volatile @Nullable Loaded loaded;

    CalendarCache(CalendarStore store, CalendarProperties properties) {
        this.store = store;
        this.checkEveryNanos = properties.refreshCheck().toNanos();
    }

    @Override
    public CalendarSnapshot current() {
        Loaded current = loaded;
        // nanoTime, not the business clock: tests move that one, and it must not decide how fresh a cache is
        long now = System.nanoTime();
        if (current == null || now - current.checkedAt() >= checkEveryNanos) {
            current = refresh(now);
        }
        return current.snapshot();
    }

    /**
     * Forgets the calendar, so the next read loads it again; called after this node changed it. Synchronized so that
     * a load begun before the change cannot put the old calendar back afterwards.
     */
    synchronized void invalidate() {
        loaded = null;
    }

    private synchronized Loaded refresh(long now) {
        Loaded current = loaded;
        if (current != null && now - current.checkedAt() < checkEveryNanos) {
            return current;
        }
        var stamp = store.stamp();
        Loaded fresh = current != null && current.stamp().equals(stamp)
                ? new Loaded(current.snapshot(), stamp, now)
                : new Loaded(store.load(), stamp, now);
        loaded = fresh;
        return fresh;
    }
}
