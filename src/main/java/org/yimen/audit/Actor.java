package org.yimen.audit;

/**
 * Who did it: a member of staff (id, name and roles at the time), a citizen (their reference), the system (a job's
 * name) or an anonymous caller (for example the username typed at a failed sign-in).
 */
public record Actor(Kind kind, String id, String name, String role) {

    /** The kinds of actor. */
    public enum Kind {
        STAFF, CITIZEN, SYSTEM, ANONYMOUS
    }

    public Actor {
        id = id.length() > 64 ? id.substring(0, 64) : id;
        name = name.length() > 100 ? name.substring(0, 100) : name;
        role = role.length() > 200 ? role.substring(0, 200) : role;
    }

    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, job, job, "");
    }

    public static Actor citizen(String reference) {
        return new Actor(Kind.CITIZEN, reference, "", "");
    }

    public static Actor anonymous(String claimedName) {
        return new Actor(Kind.ANONYMOUS, claimedName, "", "");
    }
}
