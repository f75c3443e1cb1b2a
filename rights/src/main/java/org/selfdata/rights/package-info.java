/**
 * The rights desk: a person's requests to organizations under the GDPR (access, rectification, erasure, restriction,
 * objection, withdrawal of consent, automated decisions, notice to recipients), the directory of organizations and
 * supervisory authorities they are sent to, the deadlines counted as the law counts them, the letters in the person's
 * words and the organization's language, the mail that carries them, and the evidence that proves the timeline.
 *
 * <p>The desk keeps its requests, documents and settings in the vault, sealed like any personal data, and writes every
 * letter sent, every document received and every change of status on the person's transparency log with the SHA-256
 * of its documents. Answers come back in through the intake like any file.
 */
package org.selfdata.rights;
