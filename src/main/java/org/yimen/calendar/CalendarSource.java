package org.yimen.calendar;

/** Where {@link WorkingDays} gets the calendar it answers from; tests hand it a fixed one. */
@FunctionalInterface
interface CalendarSource {

    CalendarSnapshot current();
}
