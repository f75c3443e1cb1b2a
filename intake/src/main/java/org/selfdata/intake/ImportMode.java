package org.selfdata.intake;

/** What an import does with a record it cannot read. */
public enum ImportMode {
    /** The file is refused whole, and the vault is left as it was: the default, because nothing is lost silently. */
    STRICT,
    /**
     * The records that can be read are imported and every one that cannot is kept, with its position and reason, in
     * the batch's quarantine; an archive's entry that cannot be read at all is reported and the other entries land.
     */
    LENIENT
}
