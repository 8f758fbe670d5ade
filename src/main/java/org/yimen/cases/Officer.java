package org.yimen.cases;

/** The member of staff acting on a case: id and the name the timeline shows. */
public record Officer(long staffId, String name) {
}
