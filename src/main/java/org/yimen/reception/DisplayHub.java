package org.yimen.reception;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The displays connected to this node and what they are sent over Server-Sent Events: each call (event {@code call},
 * with the call event's id, so a reconnecting display's {@code Last-Event-ID} says what it saw), the waiting counts
 * (event {@code counts}, at most once a second per hall) and, to a window screen, the officer on duty (event
 * {@code officer}, when it connects and whenever an A/B switch changes who it is). A display gets the hall's calls in
 * id order, which within a hall is commit order; one that connects or reconnects first receives what it missed from
 * the table.
 *
 * <p>Nothing here writes to a display on the caller's thread: each display has a bounded queue of its own, drained
 * by a virtual thread of its own, so a display on a slow link, or one that stopped reading, holds up only itself. A
 * display whose queue overflows is disconnected; its browser reconnects with {@code Last-Event-ID} and catches up.
 */
@Component
class DisplayHub {

    private static final Logger log = LoggerFactory.getLogger(DisplayHub.class);
    /** A display reconnects after this anyway (EventSource does it by itself, sending Last-Event-ID). */
    private static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;
    private static final int CATCH_UP_LIMIT = 500;
    /** Events waiting for one display: a full catch-up and then some; a display further behind is let go. */
    static final int QUEUE_CAPACITY = 1024;

    private static final AtomicLong displays = new AtomicLong();

    /** One connected display: a hall board ({@code windowId} null) or a window screen, with its own send queue. */
    final class Subscriber {
        final SseEmitter emitter;
        final long hallId;
        final @Nullable Long windowId;
        final Locale locale;
        /** The id of the last call queued for this display; guarded by {@code this}. */
        long lastSent;
        private final BlockingQueue<SseEmitter.SseEventBuilder> queue;
        private volatile boolean closed;
        private @Nullable Thread sender;

        Subscriber(SseEmitter emitter, long hallId, @Nullable Long windowId, Locale locale, long lastSeen) {
            this.emitter = emitter;
            this.hallId = hallId;
            this.windowId = windowId;
            this.locale = locale;
            this.lastSent = lastSeen;
            this.queue = new ArrayBlockingQueue<>(queueCapacity);
        }

        void start() {
            sender = Thread.ofVirtual().name("yimen-display-" + displays.incrementAndGet()).start(this::drain);
        }

        /** Queues an event without waiting; a display too far behind to take it is let go. */
        void offer(SseEmitter.SseEventBuilder event) {
            if (closed) {
                return;
            }
            if (!queue.offer(event)) {
                log.info("A display of hall {} fell {} events behind and was disconnected; it will catch up",
                        hallId, queueCapacity);
                drop(this);
            }
        }

        private void drain() {
            try {
                while (!closed) {
                    emitter.send(queue.take());
                }
            } catch (InterruptedException e) {
                // let go: disconnected, too slow, or the node shuts down
            } catch (IOException | RuntimeException e) {
                log.debug("display gone", e);
                drop(this);
            } finally {
                try {
                    emitter.complete();
                } catch (RuntimeException e) {
                    log.debug("display already gone", e);
                }
            }
        }

        /** Stops sending; the sender completes the stream once any write it is stuck in returns. */
        void close() {
            closed = true;
            queue.clear();
            if (sender != null) {
                sender.interrupt();
            }
        }
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Set<Long> countsDue = ConcurrentHashMap.newKeySet();
    private final CallEvents events;
    private final DisplayViews views;
    private final int queueCapacity;

    @Autowired
    DisplayHub(CallEvents events, DisplayViews views) {
        this(events, views, QUEUE_CAPACITY);
    }

    DisplayHub(CallEvents events, DisplayViews views, int queueCapacity) {
        this.events = events;
        this.views = views;
        this.queueCapacity = queueCapacity;
    }

    /** Connects a display; it first receives the waiting counts and the calls after {@code lastSeen}. */
    SseEmitter subscribe(long hallId, @Nullable Long windowId, Locale locale, long lastSeen) {
        return subscribe(new SseEmitter(EMITTER_TIMEOUT_MS), hallId, windowId, locale, lastSeen);
    }

    SseEmitter subscribe(SseEmitter emitter, long hallId, @Nullable Long windowId, Locale locale, long lastSeen) {
        var subscriber = new Subscriber(emitter, hallId, windowId, locale, lastSeen);
        emitter.onCompletion(() -> drop(subscriber));
        emitter.onTimeout(() -> drop(subscriber));
        emitter.onError(e -> drop(subscriber));
        // Registered before catching up, so nothing committed in between is lost; the order check drops doubles.
        subscribers.add(subscriber);
        subscriber.start();
        send(subscriber, "counts", null, views.waiting(hallId));
        catchUp(subscriber);
        if (windowId != null) {
            // After the calls it missed, which name the officer on duty then: the screen ends on who is on duty now.
            send(subscriber, "officer", null, views.officer(windowId, views.officerAt(windowId), locale));
        }
        return emitter;
    }

    /** A node heard of a change in a hall: relay the call (if any) and, soon, the counts. */
    void relay(long hallId, long eventId) {
        if (subscribers.stream().noneMatch(s -> s.hallId == hallId)) {
            return;
        }
        countsDue.add(hallId);
        if (eventId > 0) {
            events.find(eventId).ifPresent(event -> subscribers.stream().filter(s -> s.hallId == hallId)
                    .forEach(s -> deliver(s, event)));
        }
    }

    /**
     * The officer on duty at a window changed (an A/B switch): its screens show the new one at once, without waiting
     * for the window's next call.
     */
    void officerChanged(long hallId, long windowId) {
        var screens = subscribers.stream().filter(s -> s.hallId == hallId && s.windowId != null
                && s.windowId == windowId).toList();
        if (screens.isEmpty()) {
            return;
        }
        var officer = views.officerAt(windowId);
        screens.forEach(s -> send(s, "officer", null, views.officer(windowId, officer, s.locale)));
    }

    /** After the listener reconnected: every display gets what it may have missed meanwhile. */
    void resync() {
        subscribers.forEach(this::catchUp);
        subscribers.forEach(s -> countsDue.add(s.hallId));
        subscribers.stream().filter(s -> s.windowId != null).forEach(s -> send(s, "officer", null,
                views.officer(s.windowId, views.officerAt(s.windowId), s.locale)));
    }

    /**
     * Ends every stream when the node shuts down, so a graceful shutdown does not wait for displays that never
     * hang up; their EventSource reconnects (to another node behind the balancer) and catches up.
     */
    @EventListener(ContextClosedEvent.class)
    void disconnectAll() {
        List.copyOf(subscribers).forEach(this::drop);
    }

    int connected() {
        return subscribers.size();
    }

    @Scheduled(fixedDelay = 1000)
    void sendCounts() {
        for (Long hallId : List.copyOf(countsDue)) {
            countsDue.remove(hallId);
            var counts = views.waiting(hallId);
            subscribers.stream().filter(s -> s.hallId == hallId).forEach(s -> send(s, "counts", null, counts));
        }
    }

    /** A comment line now and then, so proxies keep the stream open and dead displays are noticed. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        subscribers.forEach(s -> s.offer(SseEmitter.event().comment("keep-alive")));
    }

    private void catchUp(Subscriber subscriber) {
        long after;
        synchronized (subscriber) {
            after = subscriber.lastSent;
        }
        for (CallEvent event : events.after(subscriber.hallId, after, CATCH_UP_LIMIT)) {
            deliver(subscriber, event);
        }
    }

    private void deliver(Subscriber subscriber, CallEvent event) {
        if (subscriber.windowId != null && subscriber.windowId != event.windowId()) {
            synchronized (subscriber) {
                subscriber.lastSent = Math.max(subscriber.lastSent, event.id());
            }
            return;
        }
        synchronized (subscriber) {
            if (event.id() <= subscriber.lastSent) {
                return;
            }
            subscriber.lastSent = event.id();
            send(subscriber, "call", event.id(), views.call(event, subscriber.locale));
        }
    }

    private static void send(Subscriber subscriber, String name, @Nullable Long id, Object data) {
        var event = SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
        if (id != null) {
            event.id(Long.toString(id));
        }
        subscriber.offer(event);
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        subscriber.close();
    }
}
