package org.selfdata.importers;

/** An importer's answer to "is this your format?", strongest last so that answers compare by ordinal. */
public enum Detection {
    /** Certainly not this format. */
    NO,
    /** Only the file name suggests this format. */
    BY_NAME,
    /** The content has this format's signature. */
    BY_CONTENT
}
