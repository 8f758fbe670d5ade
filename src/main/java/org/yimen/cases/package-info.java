/**
 * Cases (办件): an application at a window, judged against the catalog version in force at intake, ends its first
 * visit accepted (受理) with its promised and statutory clocks, with one notice listing everything missing
 * (一次性告知书), or refused (不予受理). Visits are counted per case so that a third trip is flagged.
 *
 * <p>Other modules use {@link org.yimen.cases.Cases} and listen for its events ({@link org.yimen.cases.CaseAccepted},
 * {@link org.yimen.cases.ClockStarted}, {@link org.yimen.cases.NoticeIssued}, {@link org.yimen.cases.CaseRefused}).
 * Storage, pages and the API are internal.
 */
@NullMarked
package org.yimen.cases;

import org.jspecify.annotations.NullMarked;
