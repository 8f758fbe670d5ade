/**
 * Logback converters that mask personal data in log lines and stack traces; {@code logback-spring.xml} puts them in
 * place of the standard message and exception conversion words.
 */
@NullMarked
package org.yimen.privacy.logging;

import org.jspecify.annotations.NullMarked;
