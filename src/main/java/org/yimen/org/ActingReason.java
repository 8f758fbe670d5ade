package org.yimen.org;

/** Why a member of staff acts for a post now (AB岗). */
public enum ActingReason {
    /** Officer A is present and serves the post. */
    A,
    /** Officer A is absent, so officer B acts (A不在岗时由B顶岗). */
    B_FOR_ABSENT_A,
    /** Both officers are absent, so the head of the post's department acts. */
    HEAD_FOR_BOTH_ABSENT,
    /** Both officers are absent and the department has no head: nobody can act (空岗). */
    VACANT
}
