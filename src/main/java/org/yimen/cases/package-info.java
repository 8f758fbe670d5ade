/**
 * Cases (办件) from intake to delivery. An application at a window, judged against the catalog version in force at
 * intake, is accepted (受理, also with deferrable materials pending: 容缺) with its promised and statutory clocks, gets
 * one notice listing everything missing (一次性告知书), or is refused (不予受理); visits are counted so a third trip is
 * flagged. Accepted cases walk the guide's review stages, each handed to whoever acts for its post now (AB岗), with a
 * joint review (网上会审, the stage the guide marks as such) whose silent departments consent after their deadline and
 * whose vetoes are reported; special procedures stop the clock, one extension (the item's own where its guide sets one,
 * else the statutory one of {@code CaseRules}) moves it, the decision completes the case (办结) and delivery ends it.
 * {@code CaseSweep} applies, once across nodes, the rules nobody triggers: consent by silence, 容缺 termination and
 * Art. 32's deemed acceptance, counted from the day the materials last arrived. Citizens apply online with an
 * SMS-proven phone and uploaded materials; after a one-time notice the applicant of an online case uploads what it
 * asked for (网上补正), proving the case's phone by SMS code, and the upload is a new submission round like a visit.
 * Citizens follow a case by its number and phone (last digits or an SMS code), and hear of each step by SMS through
 * the notifications outbox (三告知).
 *
 * <p>Other modules use {@link org.yimen.cases.Cases} and listen for its events ({@link org.yimen.cases.CaseSubmitted},
 * {@link org.yimen.cases.CaseAccepted},
 * {@link org.yimen.cases.ClockStarted}, {@link org.yimen.cases.NoticeIssued},
 * {@link org.yimen.cases.MaterialsSupplemented}, {@link org.yimen.cases.CaseRefused},
 * {@link org.yimen.cases.StageCompleted}, {@link org.yimen.cases.VetoReported}, {@link org.yimen.cases.ClockPaused},
 * {@link org.yimen.cases.ClockResumed}, {@link org.yimen.cases.DeadlineExtended}, {@link org.yimen.cases.CaseDecided},
 * {@link org.yimen.cases.CaseDelivered}, {@link org.yimen.cases.CaseTerminated}). Storage, pages and the API are
 * internal.
 */
@NullMarked
package org.yimen.cases;

import org.jspecify.annotations.NullMarked;
