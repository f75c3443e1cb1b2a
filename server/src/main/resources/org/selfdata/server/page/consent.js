'use strict';
// The consent page: what a recipient asks, what its declaration justifies and why it differs, what would be shared,
// a preview of what it would receive, and what it could work out about the person from it, under the terms asked and
// under those justified side by side, all in words; then the person shares or refuses, and goes back to the app.
// Every value is written as text, never as markup: names and descriptions come from the recipient.
const VALIDITY_DAYS = 30;
const DAY_MILLIS = 86400000;

const request = window.location.search.substring(1);
const consent = { offered: null };

function item(label, value) {
    return selfdata.create('li', {}, [selfdata.create('span', { text: label, className: 'term' }), ' ' + value]);
}

/** What terms say, line by line, speaking only of the precisions their data has fields in. */
function describe(asked, extra = []) {
    const purpose = asked.purposeDescription + ' (' + terms.purposeWord(asked.purpose) + ')';
    return [
        item(selfdata.text('consent.purposeIs'), purpose),
        item(selfdata.text('consent.kindIs'), terms.kindWord(asked.kind)),
        item(selfdata.text('consent.dataIs'), terms.dataLine(asked.types, asked.categories)),
        item(selfdata.text('consent.freeTextIs'), terms.freeTextLine(asked.fields)),
        item(selfdata.text('consent.precisionIs'), terms.precisionLine(asked.precision, asked.dimensions)),
        item(selfdata.text('consent.coveredIs'), terms.coveredWord(asked.covered)),
        item(selfdata.text('consent.retentionIs'), terms.days(asked.retention)),
        item(selfdata.text('consent.volumeIs'), terms.volumeLine(asked.volumeLimit)),
        ...extra];
}

function recipientLine(recipient) {
    return [recipient.legalName, records.countryName(recipient.country), recipient.contact,
        recipient.dataProtectionOfficer ? selfdata.text('consent.officer', recipient.dataProtectionOfficer) : null]
        .filter(Boolean).join(' · ');
}

function showReasons(offer) {
    const name = offer.recipient.name;
    const reasons = selfdata.element('consent-reasons');
    if (offer.justified) {
        reasons.hidden = true;
        return;
    }
    let sentences = [];
    if (offer.offer) {
        sentences = terms.differences(offer.asked, offer.offer);
        selfdata.element('consent-verdict').textContent = sentences.length > 0
            ? selfdata.text('consent.notJustified', name) : selfdata.text('consent.otherwise');
    } else {
        selfdata.element('consent-verdict').textContent = selfdata.text('consent.nothingJustified', name);
    }
    reasons.querySelector('ul').replaceChildren(...sentences.map(sentence => selfdata.create('li', { text: sentence })));
    reasons.hidden = false;
}

/** Why the preview is empty, when it is: nothing justified, a grant of what comes next, a write, or no such data. */
function previewNote(offer) {
    const offered = offer.offer;
    if (!offered) {
        return selfdata.text('consent.preview.nothing');
    }
    if (offer.preview.length > 0) {
        return selfdata.text('consent.preview.would', offer.recipient.name);
    }
    if (offered.kind === 'write') {
        return selfdata.text('consent.preview.write');
    }
    if (offered.covered === 'from-grant') {
        return selfdata.text('consent.preview.fromGrant');
    }
    return selfdata.text('consent.preview.empty', terms.dataLine(offered.types, offered.categories),
        terms.coveredWord(offered.covered));
}

function showPreview(offer) {
    const offered = offer.offer;
    selfdata.element('consent-preview-note').textContent = previewNote(offer);
    const table = selfdata.element('consent-preview');
    table.hidden = offer.preview.length === 0;
    const when = offered && ['exact', 'hour'].includes(offered.precision.time) ? selfdata.dateTime : selfdata.date;
    selfdata.rows(table.tBodies[0], offer.preview, record => [
        when(record.start), selfdata.typeName(record.type), records.summary(record)]);
    const reductions = offered ? records.reductions(offer.preview, offered.precision.location) : [];
    const why = selfdata.element('consent-preview-why');
    why.replaceChildren(...reductions.map(reason => selfdata.create('li', { text: reason })));
    why.hidden = reductions.length === 0;
}

async function show() {
    const offer = await selfdata.api('/api/v1/authorizations/offer', { method: 'POST', json: { request } });
    consent.offered = offer.offer;
    const name = offer.recipient.name;
    selfdata.element('consent-title').textContent = selfdata.text('consent.title', name);
    selfdata.element('consent-recipient').textContent = recipientLine(offer.recipient);
    selfdata.element('consent-asked').replaceChildren(...describe(offer.asked));
    showReasons(offer);
    const until = selfdata.date(new Date(Date.now() + VALIDITY_DAYS * DAY_MILLIS).toISOString());
    selfdata.element('consent-offer').replaceChildren(...(consent.offered
        ? describe(consent.offered, [item(selfdata.text('consent.validityIs'), selfdata.text('consent.validity', until))])
        : [selfdata.create('li', { text: selfdata.text('consent.nothing') })]));
    showPreview(offer);
    selfdata.element('consent-reveals').replaceChildren(revealGrants.columns(offer.reveals));
    selfdata.element('consent-next').textContent = consent.offered ? selfdata.text('consent.next', name) : '';
    selfdata.element('consent-accept').disabled = !consent.offered;
    selfdata.element('consent-loading').hidden = true;
    selfdata.element('consent-request').hidden = false;
    selfdata.element('consent').setAttribute('aria-busy', 'false');
}

async function answer(path, body) {
    const answered = await selfdata.api(path, { method: 'POST', json: body });
    window.location.assign(answered.redirect);
}

selfdata.start(async () => {
    selfdata.element('consent-accept').addEventListener('click', () => answer('/api/v1/authorizations',
        { request, terms: { ...consent.offered, validity: 'P' + VALIDITY_DAYS + 'D' } }).catch(selfdata.fail));
    selfdata.element('consent-refuse').addEventListener('click', () => answer('/api/v1/authorizations/refusal',
        { request }).catch(selfdata.fail));
    await show();
});
