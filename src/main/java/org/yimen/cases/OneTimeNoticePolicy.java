package org.yimen.cases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yimen.shared.Rejected;

/**
 * 一次性告知: at most one notice per application, and it lists every required material still missing. The only
 * exception is a second notice about materials supplied at the current visit (the applicant brought them and they
 * are defective): it needs a reason and is flagged to supervisors. Anything else would send the applicant on a third
 * trip for something the first notice should have said.
 */
final class OneTimeNoticePolicy {

    private OneTimeNoticePolicy() {
    }

    /**
     * Checks a notice about to be issued; returns whether it is the flagged exception (a second notice).
     *
     * @param missing required materials not received, each of which the notice must list
     * @param suppliedThisVisit materials the applicant brought at the current visit
     */
    static boolean check(List<Notice> issued, List<NoticeItem> items, java.util.Collection<String> missing,
            Set<String> suppliedThisVisit, String reason) {
        if (items.isEmpty()) {
            throw Rejected.invalid("items", "cases.notice.empty");
        }
        Set<String> listed = items.stream().map(NoticeItem::material).collect(Collectors.toSet());
        if (listed.size() != items.size()) {
            throw Rejected.invalid("items", "cases.notice.duplicate");
        }
        if (issued.isEmpty()) {
            var unlisted = missing.stream().filter(m -> !listed.contains(m)).sorted().toList();
            if (!unlisted.isEmpty()) {
                throw Rejected.invalid("items", "cases.notice.mustListEveryMissing", String.join("、", unlisted));
            }
            return false;
        }
        var notNew = listed.stream().filter(m -> !suppliedThisVisit.contains(m)).sorted().toList();
        if (!notNew.isEmpty()) {
            throw Rejected.conflict("items", "cases.notice.onlyOnce", String.join("、", notNew));
        }
        if (reason.isBlank()) {
            throw Rejected.invalid("reason", "cases.notice.secondNeedsReason");
        }
        return true;
    }
}
