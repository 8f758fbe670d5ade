package org.yimen.org;

import java.util.List;
import java.util.Optional;

/**
 * A/B posts (AB岗): who acts for a post now. Work assigned to a post asks here, and records the answer with the work.
 */
public interface Posts {

    /**
     * Officer A; officer B when A is absent now; the department head when both are (time from the injected clock).
     *
     * @throws org.yimen.shared.Rejected (not found) for an unknown post
     */
    ActingOfficer actingOfficer(long postId);

    /** The posts served at a window, each with its acting officer now. */
    List<ActingOfficer> actingAtWindow(long windowId);

    /**
     * Who acts now for the department's post of this name (岗位名称), as a service item's review stage names it;
     * empty when the department has no such post.
     */
    Optional<ActingOfficer> actingForPostNamed(long departmentId, String name);

    /** The posts this member of staff acts for now (as A, as B for an absent A, or as the head for both). */
    List<ActingOfficer> postsActedBy(long staffId);
}
