/**
 * Organisation (组织机构): departments, halls, windows, staff and their roles, and A/B posts (AB岗) with absences,
 * answering "who acts for this post now".
 *
 * <p>Other modules use {@link org.yimen.org.Organisation} for look-ups (department, hall, window by hall and number,
 * staff with a masked phone), {@link org.yimen.org.Posts} for the acting officer of a post (A; B when A is absent; the
 * department head when both are), and may listen for {@link org.yimen.org.ActingOfficerSwitched}. Sign-in uses
 * {@link org.yimen.org.StaffAccounts}. Everything else here is internal.
 */
@NullMarked
package org.yimen.org;

import org.jspecify.annotations.NullMarked;
