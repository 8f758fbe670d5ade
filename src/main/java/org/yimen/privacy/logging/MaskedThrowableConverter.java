package org.yimen.privacy.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.yimen.shared.Masking;

/**
 * Spring Boot's {@code %wEx} (a stack trace set off by blank lines) with numbers in exception messages masked, since
 * a message such as "duplicate key (phone)=(13812345678)" would otherwise print the full value.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Masking.inText(super.throwableProxyToString(proxy));
    }
}
