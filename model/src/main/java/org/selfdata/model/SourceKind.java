package org.selfdata.model;

/** How a source's data reached the vault. */
public enum SourceKind {
    /** Files the person downloaded from an organization and imported. */
    FILE,
    /** Data an organization pushed back into the vault under a grant. */
    ORGANIZATION
}
