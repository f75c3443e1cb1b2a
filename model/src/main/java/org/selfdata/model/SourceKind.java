package org.selfdata.model;

/** How a source's data reached the vault. */
public enum SourceKind {
    /** Files the person downloaded from an organization and imported. */
    FILE,
    /** Data an organization pushed back into the vault under a grant. */
    ORGANIZATION,
    /**
     * The files of an organization's answer to the person's rights request, labelled with the request: what the
     * organization said it holds, kept apart from what the person downloaded.
     */
    ANSWER
}
