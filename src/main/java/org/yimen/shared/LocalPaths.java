package org.yimen.shared;

/**
 * Where a page may send the browser after an action ("back", "next"): only a path of this site, never another host,
 * since an open redirect helps phishing.
 */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** The path if it stays on this site, otherwise {@code fallback}. */
    public static String orElse(String path, String fallback) {
        boolean local = path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
        return local ? path : fallback;
    }
}
