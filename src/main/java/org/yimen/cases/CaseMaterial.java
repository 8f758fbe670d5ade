package org.yimen.cases;

import org.jspecify.annotations.Nullable;

/** A material of the guide as it stands on a case: received or not, and on which visit it was brought. */
public record CaseMaterial(int position, String name, boolean required, boolean received,
        @Nullable Integer broughtOn) {

    CaseMaterial bring(int visit) {
        return new CaseMaterial(position, name, required, true, visit);
    }

    CaseMaterial handBack() {
        return new CaseMaterial(position, name, required, false, null);
    }
}
