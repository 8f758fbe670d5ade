/**
 * The working-day calendar on the web: the public API (due dates, a year's holidays, is this a working day), the
 * administrators' API and the calendar pages where hall managers check a year and correct or import it.
 */
@NullMarked
package org.yimen.calendar.web;

import org.jspecify.annotations.NullMarked;
