/**
 * Staff sign-in (登录): form login for pages, HTTP Basic or the session for the API, password policy, lockout after
 * repeated failures, and the first administrator of a production installation.
 */
@NullMarked
package org.yimen.security;

import org.jspecify.annotations.NullMarked;
