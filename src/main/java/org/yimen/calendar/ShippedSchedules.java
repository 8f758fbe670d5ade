package org.yimen.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The schedules yimen ships ({@code calendar/holidays/<year>.json}) go into the database at start-up for every year
 * not there yet. Done before the application takes requests or runs start-up tasks, so nothing ever computes a due
 * date from a calendar that is still missing its shipped years.
 */
@Component
class ShippedSchedules implements SmartInitializingSingleton {

    static final String LOCATION = "classpath*:calendar/holidays/*.json";

    private static final Logger log = LoggerFactory.getLogger(ShippedSchedules.class);

    private final CalendarStore store;
    private final CalendarCache cache;
    private final Clock clock;

    ShippedSchedules(CalendarStore store, CalendarCache cache, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Resource resource : resources()) {
            Schedule schedule = Schedule.parse(read(resource), null);
            if (store.storeShipped(schedule, OffsetDateTime.now(clock))) {
                log.info("Stored the shipped {} holiday schedule ({} dates)", schedule.year(), schedule.days().size());
            }
        }
        cache.invalidate();
    }

    private static Resource[] resources() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
