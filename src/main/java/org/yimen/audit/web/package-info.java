/** Pages and API through which auditors and supervisors trace the audit trail and auditors verify it. */
@NullMarked
package org.yimen.audit.web;

import org.jspecify.annotations.NullMarked;
