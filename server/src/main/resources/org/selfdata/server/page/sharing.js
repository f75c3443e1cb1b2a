'use strict';
// The sharing page: each recipient's declared processing beside what each of its grants allows, in words; a grant
// drawn up by the person, checked against the declaration and previewed as the recipient would receive it while it is
// chosen; and, for each grant, its receipts, its withdrawal and what the log says happened under it. Each recipient
// can be asked what it holds about the person (rights-ask.js).
const CHOICES = {
    location: ['exact', 'h3:9', 'h3:7', 'h3:5', 'commune', 'department', 'region', 'country', 'none'],
    amount: ['exact', 'rounded:1', 'rounded:10', 'rounded:100', 'banded', 'none'],
    time: ['exact', 'hour', 'day', 'week', 'month'],
    identifiers: ['clear', 'pseudonymized']
};
const COVERED = ['from-grant', 'trailing:P1M', 'trailing:P3M', 'trailing:P1Y', 'trailing:P3Y', 'between'];
const VALIDITIES = ['P7D', 'P30D', 'P90D', 'P365D'];
const VOLUME_LIMIT = 1000;
const PREVIEW_DELAY = 250;

const sharing = { recipients: [], grants: [], drawing: null, previewRun: 0, timer: null, reviewed: null };

function purposeWord(purpose) {
    return terms.purposeWord(purpose.purpose, purpose.label);
}

function item(label, value) {
    return selfdata.create('li', {}, [selfdata.create('span', { text: label, className: 'term' }), ' ' + value]);
}

/** What a recipient declares, in words; with the button that starts a grant, unless it is only being reviewed. */
function declarationSection(recipient, shareable = true) {
    const declaration = recipient.declaration;
    const section = selfdata.create('section', { className: 'declaration' },
        [selfdata.create('h3', { text: selfdata.text('sharing.declares') })]);
    if (!declaration) {
        section.append(selfdata.create('p', { text: selfdata.text('sharing.noDeclaration') }));
        return section;
    }
    for (const purpose of declaration.purposes) {
        section.append(selfdata.create('h4', { text: purpose.description }), selfdata.create('ul', { className: 'plain' }, [
            item(selfdata.text('sharing.purposeIs'), purposeWord(purpose)),
            item(selfdata.text('sharing.dataIs'), terms.dataLine(purpose.types, purpose.categories)),
            item(selfdata.text('sharing.freeTextIs'), terms.declaredFreeTextLine(purpose.fields)),
            item(selfdata.text('sharing.atMost'), terms.precisionLine(purpose.precision, purpose.dimensions)),
            item(selfdata.text('sharing.basisIs'), terms.basisWord(purpose.legalBasis))]));
    }
    const further = declaration.furtherRecipients.length === 0 ? selfdata.text('sharing.noOne')
        : declaration.furtherRecipients.join(', ');
    const transfers = declaration.transfers.length === 0 ? selfdata.text('sharing.noTransfer')
        : declaration.transfers.map(transfer => records.countryName(transfer.country) + ' ('
            + terms.safeguardWord(transfer.safeguard) + ')').join(', ');
    section.append(selfdata.create('ul', { className: 'plain' }, [
        item(selfdata.text('sharing.retentionIs'), terms.days(declaration.retention)),
        item(selfdata.text('sharing.furtherIs'), further),
        item(selfdata.text('sharing.transfersIs'), transfers)]));
    if (shareable) {
        section.append(selfdata.create('p', {}, [selfdata.create('button', {
            type: 'button', className: 'share', text: selfdata.text('sharing.share', recipient.name),
            'data-recipient': recipient.id })]));
    }
    return section;
}

function grantElement(grant, recipient) {
    const granted = grant.terms;
    const status = selfdata.create('span', { className: 'badge status-' + grant.status,
        text: selfdata.textOr('sharing.status.' + grant.status, grant.status) });
    const validity = grant.withdrawnAt
        ? selfdata.text('sharing.withdrawnOn', selfdata.dateTime(grant.withdrawnAt))
        : selfdata.period(granted.validFrom, granted.validUntil);
    const actions = selfdata.create('p', { className: 'actions' }, [
        selfdata.create('button', { type: 'button', className: 'secondary receipts', text: selfdata.text('sharing.receipts') }),
        selfdata.create('button', { type: 'button', className: 'secondary history', text: selfdata.text('sharing.history'),
            'aria-expanded': 'false' })]);
    const confirm = selfdata.create('div', { className: 'confirm', hidden: true, role: 'group',
        'aria-label': selfdata.text('sharing.withdraw') }, [
        selfdata.create('p', { text: selfdata.text('sharing.confirmWithdrawal', recipient.name) }),
        selfdata.create('button', { type: 'button', className: 'danger confirm-withdrawal',
            text: selfdata.text('sharing.confirmYes') }),
        ' ',
        selfdata.create('button', { type: 'button', className: 'secondary keep', text: selfdata.text('sharing.confirmNo') })]);
    if (grant.status === 'given') {
        actions.append(selfdata.create('button', { type: 'button', className: 'danger withdraw',
            text: selfdata.text('sharing.withdraw') }));
    }
    return selfdata.create('article', { className: 'grant', id: 'grant-' + grant.id, 'data-grant': grant.id,
        'aria-label': selfdata.text('sharing.grantLabel', granted.purposeDescription) }, [
        selfdata.create('p', {}, [status, ' ', selfdata.create('strong', { text: granted.purposeDescription })]),
        selfdata.create('ul', { className: 'plain' }, [
            item(selfdata.text('sharing.kindIs'), terms.kindWord(granted.kind)),
            item(selfdata.text('sharing.dataIs'), terms.dataLine(granted.types, granted.categories)),
            item(selfdata.text('sharing.freeTextIs'), terms.freeTextLine(granted.fields)),
            item(selfdata.text('sharing.precisionIs'), terms.precisionLine(granted.precision, granted.dimensions)),
            item(selfdata.text('sharing.coveredIs'), terms.coveredWord(granted.covered)),
            item(selfdata.text('sharing.validityIs'), validity),
            item(selfdata.text('sharing.retentionIs'), terms.days(granted.retention)),
            item(selfdata.text('sharing.volumeIs'), terms.volumeLine(granted.volumeLimit))]),
        actions, confirm, selfdata.create('ul', { className: 'plain grant-log', hidden: true }),
        selfdata.create('div', { className: 'grant-reveals' })]);
}

/** Under each grant in force, what its recipient can work out about the person from what it has received so far. */
async function showRevealed() {
    for (const revealed of await revealGrants.load()) {
        const shown = document.getElementById('grant-' + revealed.grant);
        if (shown) {
            shown.querySelector('.grant-reveals').replaceChildren(revealGrants.grant(revealed));
        }
    }
}

function grantsSection(recipient) {
    const grants = sharing.grants.filter(grant => grant.terms.recipient === recipient.id);
    return selfdata.create('section', { className: 'grants', id: 'grants-' + recipient.id }, [
        selfdata.create('h3', { text: selfdata.text('sharing.allows') }),
        ...(grants.length === 0 ? [selfdata.create('p', { text: selfdata.text('sharing.noGrant') })]
            : grants.map(grant => grantElement(grant, recipient)))]);
}

function render() {
    const cards = sharing.recipients.map(recipient => selfdata.create('article', {
        className: 'card recipient', id: 'recipient-' + recipient.id, 'aria-labelledby': 'recipient-name-' + recipient.id }, [
        selfdata.create('h2', { id: 'recipient-name-' + recipient.id, text: recipient.name }),
        selfdata.create('p', { className: 'muted', text: [recipient.legalName, recipient.country, recipient.contact,
            recipient.dataProtectionOfficer ? selfdata.text('sharing.officer', recipient.dataProtectionOfficer) : null]
            .filter(Boolean).join(' · ') }),
        selfdata.create('p', { className: 'actions' }, [askWhatTheyHold.offer(recipient.name, { recipient: recipient.id })]),
        selfdata.create('div', { className: 'side-by-side' }, [declarationSection(recipient), grantsSection(recipient)])]));
    selfdata.element('recipients').replaceChildren(...cards);
    selfdata.element('no-recipients').hidden = sharing.recipients.length > 0;
}

async function load() {
    const [recipients, grants] = await Promise.all([selfdata.api('/api/v1/recipients'), selfdata.api('/api/v1/grants')]);
    sharing.recipients = recipients.recipients;
    sharing.grants = grants.grants;
    selfdata.element('add-recipient').hidden = !recipients.youAdmit;
    selfdata.element('not-operator').hidden = recipients.youAdmit;
    render();
    await Promise.all([loadAwaiting(recipients.youAdmit), showRevealed()]);
}

// Recipients that a member's restore brought back, for the vault's operator to admit.

async function loadAwaiting(youAdmit) {
    const awaiting = youAdmit ? (await selfdata.api('/api/v1/recipients/awaiting-admission')).recipients : [];
    selfdata.element('awaiting-recipients').replaceChildren(...awaiting.map(recipient => selfdata.create('article', {
        className: 'recipient awaiting', id: 'awaiting-' + recipient.id, 'aria-labelledby': 'awaiting-name-' + recipient.id }, [
        selfdata.create('h3', { id: 'awaiting-name-' + recipient.id, text: recipient.name }),
        selfdata.create('p', { className: 'muted', text: [recipient.legalName, records.countryName(recipient.country),
            recipient.contact, selfdata.text('sharing.add.redirects', recipient.redirectUris.join(', ')),
            selfdata.text('sharing.awaiting.restored', selfdata.dateTime(recipient.restoredAt))].join(' · ') }),
        declarationSection(recipient, false),
        selfdata.create('p', { className: 'actions' }, [selfdata.create('button', { type: 'button',
            className: 'admit-restored', text: selfdata.text('sharing.awaiting.admit', recipient.name),
            'data-recipient': recipient.id })])])));
    selfdata.element('awaiting-admission').hidden = awaiting.length === 0;
}

async function admitRestored(button) {
    const admitted = await selfdata.api('/api/v1/recipients/' + encodeURIComponent(button.dataset.recipient)
        + '/admission', { method: 'POST', json: {} });
    await showAdmitted(admitted, 'sharing.awaiting.admitted');
}

/** Shows the recipients again, the one just admitted among them, says so and moves to its card. */
async function showAdmitted(admitted, key) {
    await load();
    selfdata.element('given-next-text').textContent = selfdata.text(key, admitted.name);
    selfdata.element('given-next').hidden = false;
    const card = selfdata.element('recipient-' + admitted.id);
    card.setAttribute('tabindex', '-1');
    card.focus();
}

// Drawing up a grant.

function options(select, values, word) {
    select.replaceChildren(...values.map(value => selfdata.create('option', { value, text: word(value) })));
}

function declaredPurpose() {
    const chosen = selfdata.element('grant-purpose').value;
    return sharing.drawing.declaration.purposes.find(purpose => purpose.purpose === chosen);
}

function checkbox(name, value, label, checked = true) {
    const id = 'grant-' + name + '-' + terms.key(value).replaceAll('.', '-');
    return selfdata.create('div', { className: 'choice' }, [
        selfdata.create('input', { type: 'checkbox', id, name, value, checked }),
        ' ', selfdata.create('label', { for: id, text: label })]);
}

/**
 * One box per free-text field the purpose names, left unticked: free text leaves only when the person names it. A
 * grant names a field by name alone, so a name declared for several types is one box, labelled with each type.
 */
function freeTextChoices(fields) {
    const types = new Map();
    for (const [type, names] of Object.entries(fields || {})) {
        for (const name of names) {
            types.set(name, (types.get(name) || []).concat(selfdata.typeName(type)));
        }
    }
    selfdata.element('grant-free-text').hidden = types.size === 0;
    selfdata.element('grant-free-text-choices').replaceChildren(...[...types.keys()].sort().map(name => checkbox('field',
        name, selfdata.text('terms.freeText.field', terms.fieldWord(name), types.get(name).join(', ')), false)));
}

function choosePurpose() {
    const purpose = declaredPurpose();
    selfdata.element('grant-purpose-help').textContent = selfdata.text('sharing.form.purposeHelp', purposeWord(purpose),
        terms.basisWord(purpose.legalBasis));
    selfdata.element('grant-data-choices').replaceChildren(
        ...purpose.categories.map(category => checkbox('category', category, terms.categoryWord(category))),
        ...purpose.types.map(type => checkbox('type', type, selfdata.typeName(type))));
    freeTextChoices(purpose.fields);
    for (const dimension of Object.keys(CHOICES)) {
        selfdata.element('grant-' + dimension).value = purpose.precision[dimension];
        explain(dimension);
    }
}

function explain(dimension) {
    const value = selfdata.element('grant-' + dimension).value;
    selfdata.element('grant-' + dimension + '-help').textContent = selfdata.textOr('sharing.' + dimension + 'Help.'
        + terms.key(value), terms.precisionWord(dimension, value));
}

function startGrant(recipient) {
    sharing.drawing = { recipient, declaration: recipient.declaration };
    selfdata.element('draw-up-title').textContent = selfdata.text('sharing.form.title', recipient.name);
    options(selfdata.element('grant-purpose'), recipient.declaration.purposes.map(purpose => purpose.purpose),
        term => recipient.declaration.purposes.find(purpose => purpose.purpose === term).description);
    for (const [dimension, values] of Object.entries(CHOICES)) {
        options(selfdata.element('grant-' + dimension), values, value => terms.precisionWord(dimension, value));
    }
    options(selfdata.element('grant-covered'), COVERED, terms.coveredWord);
    options(selfdata.element('grant-validity'), VALIDITIES, value => selfdata.text('sharing.validity.' + value));
    selfdata.element('grant-validity').value = 'P30D';
    selfdata.element('grant-between').hidden = true;
    selfdata.element('grant-retention').textContent = selfdata.text('sharing.form.retention', recipient.name,
        terms.days(recipient.declaration.retention));
    choosePurpose();
    selfdata.element('draw-up').hidden = false;
    selfdata.element('draw-up').scrollIntoView();
    selfdata.element('grant-purpose').focus();
    schedulePreview();
}

function covered() {
    const chosen = selfdata.element('grant-covered').value;
    if (chosen !== 'between') {
        return chosen;
    }
    const from = selfdata.element('grant-covered-from').value;
    const to = selfdata.element('grant-covered-to').value;
    return from && to && from < to ? 'between:' + from + 'T00:00:00Z/' + to + 'T00:00:00Z' : null;
}

function chosenTerms() {
    const purpose = declaredPurpose();
    const checked = name => [...document.querySelectorAll('#grant-form input[name=' + name + ']:checked')]
        .map(input => input.value);
    const precision = {};
    for (const dimension of Object.keys(CHOICES)) {
        precision[dimension] = selfdata.element('grant-' + dimension).value;
    }
    return {
        recipient: sharing.drawing.recipient.id, declarationVersion: sharing.drawing.declaration.version, kind: 'read',
        purpose: purpose.purpose, purposeDescription: purpose.description, legalBasis: purpose.legalBasis,
        types: checked('type'), categories: checked('category'), fields: checked('field'), precision, covered: covered(),
        validity: selfdata.element('grant-validity').value, retention: sharing.drawing.declaration.retention,
        volumeLimit: VOLUME_LIMIT
    };
}

function schedulePreview() {
    clearTimeout(sharing.timer);
    sharing.timer = setTimeout(() => preview().catch(selfdata.fail), PREVIEW_DELAY);
}

function showCheck(answer, chosen) {
    const name = sharing.drawing.recipient.name;
    selfdata.element('grant-verdict').textContent = answer.justified ? selfdata.text('sharing.check.justified', name)
        : selfdata.text('sharing.check.notJustified', name);
    selfdata.element('grant-verdict').className = answer.justified ? 'good' : 'warning';
    selfdata.element('grant-reasons').replaceChildren(...answer.reasons.map(reason => selfdata.create('li',
        { text: reason })));
    selfdata.element('grant-use-offer').hidden = answer.justified || !answer.offer;
    sharing.drawing.offer = answer.offer;
    selfdata.element('grant-give').disabled = !answer.justified;
    let note;
    if (!answer.offer) {
        note = selfdata.text('sharing.preview.nothingJustified');
    } else if (answer.preview.length === 0) {
        note = answer.offer.covered === 'from-grant' ? selfdata.text('sharing.preview.fromGrant')
            : selfdata.text('sharing.preview.empty');
    } else {
        note = answer.justified
            ? selfdata.text('sharing.preview.would', name, terms.precisionLine(chosen.precision, answer.offer.dimensions))
            : selfdata.text('sharing.preview.instead', name,
                terms.precisionLine(answer.offer.precision, answer.offer.dimensions));
    }
    selfdata.element('grant-preview-note').textContent = note;
    const shown = answer.justified ? chosen : answer.offer;
    const when = shown && ['exact', 'hour'].includes(shown.precision.time) ? selfdata.dateTime : selfdata.date;
    selfdata.rows(selfdata.element('grant-preview').tBodies[0], answer.preview, record => [
        when(record.start), selfdata.typeName(record.type), records.summary(record)]);
    const reductions = shown ? records.reductions(answer.preview, shown.precision.location) : [];
    selfdata.element('grant-preview-why').replaceChildren(...reductions.map(reason => selfdata.create('li',
        { text: reason })));
    selfdata.element('grant-preview-why').hidden = reductions.length === 0;
    selfdata.element('grant-preview-json').textContent = JSON.stringify(answer.preview, null, 2);
    selfdata.element('grant-reveals').replaceChildren(revealGrants.columns(answer.reveals));
}

async function preview() {
    const chosen = chosenTerms();
    const run = ++sharing.previewRun;
    if (chosen.covered === null) {
        selfdata.element('grant-verdict').textContent = selfdata.text('sharing.form.chooseDates');
        selfdata.element('grant-verdict').className = 'warning';
        selfdata.element('grant-reasons').replaceChildren();
        selfdata.element('grant-preview-note').textContent = '';
        selfdata.element('grant-preview').tBodies[0].replaceChildren();
        selfdata.element('grant-preview-json').textContent = '';
        selfdata.element('grant-reveals').replaceChildren();
        selfdata.element('grant-give').disabled = true;
        return;
    }
    const answer = await selfdata.api('/api/v1/grants/preview', { method: 'POST', json: chosen });
    if (run === sharing.previewRun) {
        showCheck(answer, chosen);
    }
}

function useOffer() {
    const offer = sharing.drawing.offer;
    for (const input of document.querySelectorAll('#grant-free-text-choices input[name=field]')) {
        input.checked = offer.fields.includes(input.value);
    }
    for (const dimension of Object.keys(CHOICES)) {
        const select = selfdata.element('grant-' + dimension);
        if (![...select.options].some(option => option.value === offer.precision[dimension])) {
            select.append(selfdata.create('option', { value: offer.precision[dimension],
                text: terms.precisionWord(dimension, offer.precision[dimension]) }));
        }
        select.value = offer.precision[dimension];
        explain(dimension);
    }
    schedulePreview();
}

async function give(event) {
    event.preventDefault();
    const chosen = chosenTerms();
    try {
        const given = await selfdata.api('/api/v1/grants', { method: 'POST', json: chosen });
        selfdata.element('draw-up').hidden = true;
        sharing.drawing = null;
        await load();
        selfdata.element('given-next-text').textContent = selfdata.text('sharing.givenNext', recipientOf(given.grant.id).name);
        selfdata.element('given-next').hidden = false;
        const shown = selfdata.element('grant-' + given.grant.id);
        shown.setAttribute('tabindex', '-1');
        shown.focus();
    } catch (error) {
        if (error.status !== 403) {
            throw error;
        }
        selfdata.element('grant-verdict').textContent = error.message;
        selfdata.element('grant-verdict').className = 'warning';
    }
}

// Acting on a grant.

function recipientOf(grantId) {
    const grant = sharing.grants.find(candidate => candidate.id === grantId);
    return sharing.recipients.find(recipient => recipient.id === grant.terms.recipient);
}

async function downloadReceipts(grantId) {
    const receipts = await selfdata.api('/api/v1/grants/' + encodeURIComponent(grantId) + '/receipts');
    selfdata.download('consent-receipts-' + grantId + '.json', JSON.stringify(receipts, null, 2), 'application/json');
}

function describeEntry(entry, recipient) {
    const when = selfdata.dateTime(entry.recordedAt);
    const precision = entry.precision || '';
    switch (entry.action) {
    case 'read':
        return selfdata.text('sharing.log.read', when, recipient.name, selfdata.number(entry.count),
            entry.types.map(selfdata.typeName).join(', '), precision);
    case 'grant':
        return selfdata.text('sharing.log.grant', when, precision);
    case 'withdrawal':
        return selfdata.text('sharing.log.withdrawal', when);
    default:
        return when + ' · ' + selfdata.textOr('action.' + entry.action, entry.action) + ' · '
            + selfdata.number(entry.count);
    }
}

async function showHistory(article, button) {
    const list = article.querySelector('.grant-log');
    if (!list.hidden) {
        list.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        return;
    }
    const grantId = article.dataset.grant;
    const log = await selfdata.api('/api/v1/log?grant=' + encodeURIComponent(grantId));
    const recipient = recipientOf(grantId);
    const lines = log.entries.length === 0 ? [selfdata.text('common.none')]
        : log.entries.map(entry => describeEntry(entry, recipient));
    list.replaceChildren(...lines.map(line => selfdata.create('li', { text: line })));
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
}

async function withdraw(article) {
    const grantId = article.dataset.grant;
    await selfdata.api('/api/v1/grants/' + encodeURIComponent(grantId) + '/withdrawal', { method: 'POST', json: {} });
    await load();
    const shown = selfdata.element('grant-' + grantId);
    await showHistory(shown, shown.querySelector('.history'));
    shown.setAttribute('tabindex', '-1');
    shown.focus();
}

// Adding a recipient, for the vault's operator.

function problem(id, message) {
    const shown = selfdata.element(id);
    shown.textContent = message;
    shown.hidden = message === null;
}

/**
 * Asks the server to read a registration document as it would admit it, and shows what it read for review; a
 * document the server refuses is said under the form it came from.
 */
async function review(request, problemId) {
    let answer;
    try {
        answer = await selfdata.api('/api/v1/recipients/review', { method: 'POST', json: request });
    } catch (error) {
        if (error.status !== 400) {
            throw error;
        }
        problem(problemId, error.message);
        return;
    }
    problem('recipient-document-problem', null);
    problem('recipient-address-problem', null);
    const registration = answer.registration;
    sharing.reviewed = registration;
    selfdata.element('recipient-review-title').textContent = selfdata.text('sharing.add.reviewTitle', registration.name);
    selfdata.element('recipient-review-who').textContent = [registration.legalName,
        records.countryName(registration.country), registration.contact,
        registration.dataProtectionOfficer ? selfdata.text('sharing.officer', registration.dataProtectionOfficer) : null,
        selfdata.text('sharing.add.redirects', registration.redirectUris.join(', ')),
        registration.clientUri ? selfdata.text('sharing.add.site', registration.clientUri) : null]
        .filter(Boolean).join(' · ');
    selfdata.element('recipient-review-declaration').replaceChildren(declarationSection(registration, false));
    selfdata.element('recipient-review-result').hidden = false;
    selfdata.element('recipient-review-title').focus();
}

/** Reads the pasted document through the server, which checks it as it would admit it. */
async function reviewDocument(event) {
    event.preventDefault();
    let pasted;
    try {
        pasted = JSON.parse(selfdata.element('recipient-document').value);
    } catch (error) {
        problem('recipient-document-problem', selfdata.text('sharing.add.notJson'));
        return;
    }
    await review({ document: pasted }, 'recipient-document-problem');
}

/** Has the server fetch the document from the address the app gives, within its limits, and read it the same way. */
async function fetchDocument(event) {
    event.preventDefault();
    const address = selfdata.element('recipient-address').value.trim();
    if (address === '') {
        problem('recipient-address-problem', selfdata.text('sharing.add.emptyAddress'));
        return;
    }
    await review({ address }, 'recipient-address-problem');
}

async function admit() {
    const admitted = await selfdata.api('/api/v1/recipients', { method: 'POST', json: sharing.reviewed });
    sharing.reviewed = null;
    selfdata.element('add-recipient-form').reset();
    selfdata.element('recipient-address-form').reset();
    selfdata.element('recipient-review-result').hidden = true;
    await showAdmitted(admitted, 'sharing.add.admitted');
}

function onRecipientsClick(event) {
    const button = event.target.closest('button');
    if (!button) {
        return;
    }
    if (button.classList.contains('share')) {
        startGrant(sharing.recipients.find(recipient => recipient.id === button.dataset.recipient));
        return;
    }
    const article = button.closest('.grant');
    if (!article) {
        return;
    }
    const confirm = article.querySelector('.confirm');
    let action = null;
    if (button.classList.contains('receipts')) {
        action = downloadReceipts(article.dataset.grant);
    } else if (button.classList.contains('history')) {
        action = showHistory(article, button);
    } else if (button.classList.contains('withdraw')) {
        confirm.hidden = false;
        confirm.querySelector('.keep').focus();
    } else if (button.classList.contains('keep')) {
        confirm.hidden = true;
        article.querySelector('.withdraw').focus();
    } else if (button.classList.contains('confirm-withdrawal')) {
        action = withdraw(article);
    }
    if (action) {
        action.catch(selfdata.fail);
    }
}

selfdata.start(async () => {
    selfdata.element('recipients').addEventListener('click', onRecipientsClick);
    const form = selfdata.element('grant-form');
    form.addEventListener('change', event => {
        if (event.target.id === 'grant-purpose') {
            choosePurpose();
        } else if (event.target.id === 'grant-covered') {
            selfdata.element('grant-between').hidden = event.target.value !== 'between';
        } else if (event.target.id && Object.keys(CHOICES).includes(event.target.id.substring('grant-'.length))) {
            explain(event.target.id.substring('grant-'.length));
        }
        schedulePreview();
    });
    form.addEventListener('submit', event => give(event).catch(selfdata.fail));
    selfdata.element('grant-use-offer').addEventListener('click', useOffer);
    selfdata.element('grant-cancel').addEventListener('click', () => {
        selfdata.element('draw-up').hidden = true;
        sharing.drawing = null;
    });
    selfdata.element('add-recipient-form').addEventListener('submit', event => reviewDocument(event).catch(selfdata.fail));
    selfdata.element('recipient-address-form').addEventListener('submit', event => fetchDocument(event).catch(selfdata.fail));
    selfdata.element('awaiting-recipients').addEventListener('click', event => {
        const button = event.target.closest('button.admit-restored');
        if (button) {
            admitRestored(button).catch(selfdata.fail);
        }
    });
    selfdata.element('recipient-admit').addEventListener('click', () => admit().catch(selfdata.fail));
    selfdata.element('recipient-review-cancel').addEventListener('click', () => {
        sharing.reviewed = null;
        selfdata.element('recipient-review-result').hidden = true;
    });
    await load();
    selfdata.element('sharing').setAttribute('aria-busy', 'false');
});
