'use strict';
// The consent screen: what a recipient asks, what its declaration justifies, and a preview of what it would receive.
// Every value is written as text, never as markup: names and descriptions come from the recipient.

const request = window.location.search.substring(1);
let csrfToken = null;
let offered = null;

async function call(path, body) {
    const response = await fetch(path, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify(body)
    });
    const json = await response.json();
    if (!response.ok) {
        throw new Error(json.detail || response.statusText);
    }
    return json;
}

function items(list, lines) {
    list.replaceChildren(...lines.map(line => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
    }));
}

function describe(terms) {
    const data = terms.types.concat(terms.categories).join(', ');
    const precision = terms.precision;
    return [
        'Purpose · Finalité : ' + terms.purposeDescription + ' (' + terms.purpose + ')',
        'Data · Données : ' + data,
        'Free text · Texte libre : ' + (terms.fields.length === 0 ? 'none · aucun' : terms.fields.join(', ')),
        'Precision · Précision : location ' + precision.location + ', amounts ' + precision.amount + ', time '
            + precision.time + ', identifiers ' + precision.identifiers,
        'Covered · Période couverte : ' + terms.covered,
        'Kept by the recipient · Conservé par le destinataire : ' + terms.retention,
        'At most · Au plus : ' + terms.volumeLimit + ' records a day · enregistrements par jour'
    ];
}

function fail(error) {
    const message = document.getElementById('consent-error');
    message.textContent = error.message;
    message.hidden = false;
}

async function show() {
    const session = await fetch('/api/v1/session', { credentials: 'same-origin' });
    if (!session.ok) {
        // Signing in brings the person back here, to this very request.
        document.getElementById('consent-sign-in-link').href = '/sign-in?next='
            + encodeURIComponent(window.location.pathname + window.location.search);
        document.getElementById('consent-sign-in').hidden = false;
        return;
    }
    csrfToken = (await session.json()).csrfToken;
    const offer = await call('/api/v1/authorizations/offer', { request });
    offered = offer.offer;
    document.getElementById('consent-title').textContent = offer.recipient.name + ' asks for your data · demande vos données';
    document.getElementById('consent-recipient').textContent = offer.recipient.legalName + ', ' + offer.recipient.country
        + ' · ' + offer.recipient.contact;
    items(document.getElementById('consent-asked'), describe(offer.asked));
    if (offer.reasons.length > 0) {
        const reasons = document.getElementById('consent-reasons');
        items(reasons.querySelector('ul'), offer.reasons);
        reasons.hidden = false;
    }
    items(document.getElementById('consent-offer'), offered ? describe(offered) : ['Nothing · Rien']);
    document.getElementById('consent-accept').disabled = !offered;
    document.getElementById('consent-preview').textContent = offer.preview.map(record => JSON.stringify(record)).join('\n');
    document.getElementById('consent').hidden = false;
}

document.getElementById('consent-accept').addEventListener('click', () => {
    call('/api/v1/authorizations', { request, terms: { ...offered, validity: 'P30D' } })
        .then(answer => window.location.assign(answer.redirect)).catch(fail);
});
document.getElementById('consent-refuse').addEventListener('click', () => {
    call('/api/v1/authorizations/refusal', { request })
        .then(answer => window.location.assign(answer.redirect)).catch(fail);
});
show().catch(fail);
