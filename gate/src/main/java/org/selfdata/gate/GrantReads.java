package org.selfdata.gate;

/**
 * What a grant's recipient has read so far, as the person's log tells.
 *
 * @param reads the requests that carried records or came back empty, folded repeats counted one by one
 * @param records the records they carried
 */
public record GrantReads(long reads, long records) {}
