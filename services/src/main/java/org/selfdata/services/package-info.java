/**
 * Personal services: what the person's own data says, worked out for them. Money per month and category, places
 * visited and their density, energy over time, a timeline across every kind of record.
 *
 * <p>Every service reads through the {@link org.selfdata.gate.Gate} as the owner, like any other surface, so each read
 * is on the person's log; none touches the vault's tables. Results are small summaries, computed in one streaming
 * pass, so that a page shows what it needs and no more.
 */
package org.selfdata.services;
