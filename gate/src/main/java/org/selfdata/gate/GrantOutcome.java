package org.selfdata.gate;

/** What became of a person's attempt to give a grant: given, with its receipt, or refused with reasons. */
public sealed interface GrantOutcome permits ReceiptedGrant, Refusal {
}
