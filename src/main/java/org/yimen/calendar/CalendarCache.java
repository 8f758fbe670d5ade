package org.yimen.calendar;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar in memory and in step with the database. Every {@code yimen.calendar.refresh-check} (5 s) a
 * background task asks the database for the cheap {@link CalendarStore.Stamp}; only when it moved is the calendar
 * read again (a few hundred rows). Reads never wait for the database except the very first and the first after this node changed the
 * calendar, which it therefore sees at once; other nodes' edits arrive within one interval. Chosen over a
 * LISTEN/NOTIFY push because it needs no connection of its own and cannot miss a message.
 */
@Component
class CalendarCache implements CalendarSource {

    private record Loaded(CalendarSnapshot snapshot, CalendarStore.Stamp stamp) {
    }

    private final CalendarStore store;
    private volatile @Nullable Loaded loaded;

    CalendarCache(CalendarStore store) {
        this.store = store;
    }

    @Override
    public CalendarSnapshot current() {
        Loaded current = loaded;
        if (current == null) {
            current = refresh(false);
        }
        return current.snapshot();
    }

    /** Looks for other nodes' changes, off the callers' threads. */
    @Scheduled(fixedDelayString = "${yimen.calendar.refresh-check:5s}")
    void check() {
        refresh(true);
    }

    /**
     * Forgets the calendar, so the next read loads it again; called after this node changed it. Synchronized so that
     * a load begun before the change cannot put the old calendar back afterwards.
     */
    synchronized void invalidate() {
        loaded = null;
    }

    private synchronized Loaded refresh(boolean check) {
        Loaded current = loaded;
        if (current != null && !check) {
            return current;
        }
        var stamp = store.stamp();
        Loaded fresh = current != null && current.stamp().equals(stamp)
                ? current
                : new Loaded(store.load(), stamp);
        loaded = fresh;
        return fresh;
    }
}
