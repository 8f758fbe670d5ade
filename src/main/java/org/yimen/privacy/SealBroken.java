package org.yimen.privacy;

/**
 * A sealed value could not be opened: it was altered, cut short, or sealed with a key this node does not hold. The
 * message never contains any part of the value.
 */
public class SealBroken extends RuntimeException {

    public SealBroken(String reason) {
        super("Cannot open a sealed personal-data value: " + reason);
    }
}
