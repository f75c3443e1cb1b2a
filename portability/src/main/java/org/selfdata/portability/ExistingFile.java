package org.selfdata.portability;

/** What an export does when a file already exists where the archive should go. */
public enum ExistingFile {
    /** Leave it and fail: an archive is personal data, and the file there may be an earlier one the person keeps. */
    REFUSE,
    /** Replace it, in one step, once the new archive is complete. */
    REPLACE
}
