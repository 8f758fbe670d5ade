/**
 * Working-day calendar (工作日历): the State Council's public holidays and make-up working days (调休), and working-day
 * arithmetic for every time limit in yimen.
 */
@NullMarked
package org.yimen.calendar;

import org.jspecify.annotations.NullMarked;
