package org.yimen.calendar.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yimen.calendar.CalendarDay;

/** Says in words why a date is or is not a working day ("法定节假日：国庆节"), in the reader's language. */
@Component
class DayDescriptions {

    private final MessageSource messages;

    DayDescriptions(MessageSource messages) {
        this.messages = messages;
    }

    String reason(CalendarDay day, Locale locale) {
        String weekday = messages.getMessage("calendar.weekday.long." + day.date().getDayOfWeek().getValue(), null,
                locale);
        return messages.getMessage("calendar.reason." + day.kind().name(),
                new Object[] {weekday, day.name() == null ? "" : day.name()}, locale);
    }
}
