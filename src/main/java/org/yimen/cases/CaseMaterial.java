package org.yimen.cases;

import org.jspecify.annotations.Nullable;

/**
 * A material of the guide as it stands on a case: received or not, and on which visit it was brought.
 * {@code deferrable} is the guide's word that it may come later under 容缺受理; {@code deferred} that it was accepted
 * missing against the applicant's pledge and is still awaited.
 */
public record CaseMaterial(int position, String name, boolean required, boolean received,
        @Nullable Integer broughtOn, boolean deferrable, boolean deferred) {

    CaseMaterial bring(int visit) {
        return new CaseMaterial(position, name, required, true, visit, deferrable, false);
    }

    CaseMaterial handBack() {
        return new CaseMaterial(position, name, required, false, null, deferrable, false);
    }

    CaseMaterial defer() {
        return new CaseMaterial(position, name, required, false, null, deferrable, true);
    }
}
