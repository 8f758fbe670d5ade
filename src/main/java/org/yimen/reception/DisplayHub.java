package org.yimen.reception;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The displays connected to this node and what they are sent over Server-Sent Events: each call (event {@code call},
 * with the call event's id, so a reconnecting display's {@code Last-Event-ID} says what it saw) and the waiting counts
 * (event {@code counts}, at most once a second per hall). A display gets the hall's calls in id order, which within a
 * hall is commit order; one that connects or reconnects first receives what it missed from the table.
 */
@Component
class DisplayHub {

    private static final Logger log = LoggerFactory.getLogger(DisplayHub.class);
    /** A display reconnects after this anyway (EventSource does it by itself, sending Last-Event-ID). */
    private static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;
    private static final int CATCH_UP_LIMIT = 500;

    /** One connected display: a hall board ({@code windowId} null) or a window screen. */
    static final class Subscriber {
        final SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
        final long hallId;
        final @Nullable Long windowId;
        final Locale locale;
        long lastSent;

        Subscriber(long hallId, @Nullable Long windowId, Locale locale, long lastSeen) {
            this.hallId = hallId;
            this.windowId = windowId;
            this.locale = locale;
            this.lastSent = lastSeen;
        }
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Set<Long> countsDue = ConcurrentHashMap.newKeySet();
    private final CallEvents events;
    private final DisplayViews views;

    DisplayHub(CallEvents events, DisplayViews views) {
        this.events = events;
        this.views = views;
    }

    /** Connects a display; it first receives the waiting counts and the calls after {@code lastSeen}. */
    SseEmitter subscribe(long hallId, @Nullable Long windowId, Locale locale, long lastSeen) {
        var subscriber = new Subscriber(hallId, windowId, locale, lastSeen);
        subscriber.emitter.onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter.onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter.onError(e -> subscribers.remove(subscriber));
        // Registered before catching up, so nothing committed in between is lost; the order check drops doubles.
        subscribers.add(subscriber);
        send(subscriber, "counts", null, views.waiting(hallId));
        catchUp(subscriber);
        return subscriber.emitter;
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

    /** After the listener reconnected: every display gets what it may have missed meanwhile. */
    void resync() {
        subscribers.forEach(this::catchUp);
        subscribers.forEach(s -> countsDue.add(s.hallId));
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
        for (Subscriber subscriber : subscribers) {
            synchronized (subscriber) {
                try {
                    subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    drop(subscriber);
                }
            }
        }
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

    private void send(Subscriber subscriber, String name, @Nullable Long id, Object data) {
        synchronized (subscriber) {
            try {
                var event = SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
                if (id != null) {
                    event.id(Long.toString(id));
                }
                subscriber.emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                drop(subscriber);
            }
        }
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber.emitter.complete();
        } catch (RuntimeException e) {
            log.debug("display already gone", e);
        }
    }
}
