package org.yimen.privacy.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.yimen.shared.Masking;

/**
 * {@code %m}, {@code %msg} and {@code %message} with every mainland mobile number and 18-character ID number masked,
 * so no log line carries a full value whoever wrote it. Public only because Logback instantiates it by name.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.inText(super.convert(event));
    }
}
