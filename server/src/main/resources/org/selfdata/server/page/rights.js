'use strict';
// The rights page: the person's requests with their deadlines, overdue ones first; a guided form that drafts a request
// to an organization of the directory and shows its letter; each request's timeline with its documents, the steps the
// person records, the answer they add, the art. 15 checklist, the reminder and the complaint, and the evidence pack;
// and the mailbox and calendar the desk works with.
const RIGHTS = '/api/v1/rights';
const SEARCH_LIMIT = 10;
const STEPS_WITH_REASONS = ['extended', 'refused'];

const desk = { requests: [], opened: null, chosen: null, senderKnown: null, escalation: null };

function requestPath(id, rest = '') {
    return RIGHTS + '/requests/' + encodeURIComponent(id) + rest;
}

/** Today in the browser's calendar, as a date field takes it. */
function today() {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function say(id, words, failed = false) {
    const element = selfdata.element(id);
    element.textContent = words;
    element.classList.toggle('error', failed);
    element.classList.toggle('good', !failed && words !== '');
}

/** Runs an action of the page, saying its failure where its result would have been. */
function acting(resultId, action) {
    return event => {
        if (event) {
            event.preventDefault();
        }
        action().catch(failure => say(resultId, selfdata.text('common.failure', failure.message), true));
    };
}

/**
 * A file the API gives (the evidence pack, a letter as PDF), fetched in the page's language and offered as a download
 * under the name the server gave it.
 */
async function downloadFile(path, fallbackName) {
    const response = await fetch(path, { credentials: 'same-origin',
        headers: { 'Accept-Language': selfdata.language } });
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || response.statusText);
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="([^"]+)"/.exec(disposition);
    const name = named ? named[1] : fallbackName;
    selfdata.download(name, await response.blob(), response.headers.get('Content-Type') || 'application/octet-stream');
    return name;
}

function deadlineWords(deadline) {
    if (!deadline) {
        return selfdata.text('rights.noDeadline');
    }
    const days = deadline.overdue ? selfdata.text('rights.daysLate', -deadline.daysLeft)
        : selfdata.text('rights.daysLeft', deadline.daysLeft);
    return selfdata.day(deadline.date) + ' · ' + days;
}

function rightWords(request) {
    const right = selfdata.text('rights.right.' + request.right);
    return request.portability ? right + ' + ' + selfdata.text('rights.right.portability') : right;
}

function showRequests() {
    const requests = desk.requests;
    const overdue = requests.filter(request => request.deadline && request.deadline.overdue).length;
    selfdata.element('requests-summary').textContent = requests.length === 0 ? selfdata.text('rights.requests.none')
        : selfdata.text('rights.requests.summary', requests.length, overdue);
    const table = selfdata.element('requests');
    table.hidden = requests.length === 0;
    table.tBodies[0].replaceChildren(...requests.map(request => {
        const late = Boolean(request.deadline && request.deadline.overdue);
        const deadline = selfdata.create('td', { className: late ? 'overdue' : null }, late
            ? [selfdata.create('span', { className: 'badge late', text: selfdata.text('rights.overdue') }), ' ',
                deadlineWords(request.deadline)]
            : [deadlineWords(request.deadline)]);
        return selfdata.create('tr', { className: late ? 'overdue' : null, 'data-request': request.id }, [
            selfdata.create('td', {}, [selfdata.create('button', { type: 'button', className: 'link open-request',
                'data-request': request.id, 'aria-label': selfdata.text('rights.open', request.organizationName),
                text: request.organizationName })]),
            selfdata.create('td', { text: rightWords(request) }),
            selfdata.create('td', { text: selfdata.text('rights.status.' + request.status) }),
            deadline]);
    }));
}

async function loadRequests() {
    desk.requests = (await selfdata.api(RIGHTS + '/requests')).requests;
    showRequests();
}

function fact(term, value) {
    return [selfdata.create('dt', { text: term }), selfdata.create('dd', { text: value })];
}

function documentLink(requestId, document) {
    return selfdata.create('li', {}, [selfdata.create('a', {
        href: requestPath(requestId, '/documents/' + encodeURIComponent(document.id)), download: document.name,
        text: selfdata.text('rights.timeline.document', document.name,
            selfdata.number(Math.max(1, Math.round(document.size / 1024)))) })]);
}

function timelineEntry(request, event) {
    const words = [selfdata.text('rights.status.' + event.status)];
    if (event.reasonsGiven) {
        words.push(selfdata.text('rights.timeline.reasons'));
    }
    if (event.note) {
        words.push(event.note);
    }
    const entry = selfdata.create('li', { 'data-status': event.status }, [
        selfdata.create('time', { datetime: event.happenedOn, text: selfdata.day(event.happenedOn) }),
        ' ' + words.join(' · ')]);
    if (event.documents.length > 0) {
        entry.append(selfdata.create('ul', { className: 'documents' },
            event.documents.map(document => documentLink(request.id, document))));
    }
    return entry;
}

function showRequest(request) {
    desk.opened = request;
    selfdata.element('request').hidden = false;
    selfdata.element('request-title').textContent = request.organizationName + ' · ' + rightWords(request);
    const facts = [
        ...fact(selfdata.text('rights.request.reference'), request.reference),
        ...fact(selfdata.text('rights.column.status'), selfdata.text('rights.status.' + request.status)),
        ...fact(selfdata.text('rights.request.channel'), selfdata.text('rights.channel.' + request.channel)),
        ...fact(selfdata.text('rights.request.created'), selfdata.date(request.created))];
    if (request.about) {
        facts.push(...fact(selfdata.text('rights.request.about'), request.about));
    }
    selfdata.element('request-facts').replaceChildren(...facts);
    const deadline = request.deadline;
    selfdata.element('request-deadline').textContent = deadline ? deadline.summary : selfdata.text('rights.noDeadline');
    selfdata.element('request-deadline').classList.toggle('error', Boolean(deadline && deadline.overdue));
    selfdata.element('request-reasons-block').hidden = !deadline || deadline.reasons.length === 0;
    selfdata.element('request-reasons').replaceChildren(...(deadline ? deadline.reasons : [])
        .map(reason => selfdata.create('li', { text: reason })));
    selfdata.element('timeline').replaceChildren(...request.events.map(event => timelineEntry(request, event)));
    showIdentityDocument(request);
    const sent = request.status !== 'draft';
    selfdata.element('request-send-email').hidden = !(request.channel === 'email' && !sent);
    selfdata.element('answer-form').hidden = !sent;
    selfdata.element('escalation').hidden = !sent;
    selfdata.element('checklist').hidden = !(sent && request.right === 'access');
    selfdata.element('checklist-form').hidden = true;
    selfdata.element('comparison').hidden = !request.status.startsWith('answered');
    selfdata.element('comparison-summary').textContent = '';
    selfdata.element('comparison-differences').replaceChildren();
    selfdata.element('escalation-letter').hidden = true;
    selfdata.element('letter').hidden = true;
    say('request-result', '');
    for (const row of selfdata.element('requests').tBodies[0].rows) {
        row.toggleAttribute('aria-current', row.dataset.request === request.id);
    }
}

async function openRequest(id) {
    showRequest(await selfdata.api(requestPath(id)));
    selfdata.element('request-title').focus();
}

/** A request the API answered with after a change: shown, and the list brought up to date around it. */
async function changed(request, words) {
    await loadRequests();
    showRequest(request);
    say('request-result', words);
}

/** A letter the API drafted, shown in its own language under the section's id: `letter`, `escalation-letter`. */
function writeLetter(section, letter) {
    selfdata.element(section + '-subject').textContent = selfdata.text('rights.request.subject', letter.subject);
    const body = selfdata.element(section + '-body');
    body.textContent = letter.body;
    body.lang = letter.language;
    selfdata.element(section).hidden = false;
}

async function showLetter() {
    writeLetter('letter', await selfdata.api(requestPath(desk.opened.id, '/letter')));
}

async function recordStep() {
    const form = selfdata.element('step-form');
    const status = form.elements.status.value;
    const step = { status, on: form.elements.on.value };
    if (form.elements.note.value.trim()) {
        step.note = form.elements.note.value.trim();
    }
    if (STEPS_WITH_REASONS.includes(status)) {
        step.reasonsGiven = form.elements.reasonsGiven.checked;
    }
    const request = await selfdata.api(requestPath(desk.opened.id, '/steps'), { method: 'POST', json: step });
    form.elements.note.value = '';
    await changed(request, selfdata.text('rights.step.recorded'));
}

async function sendByEmail() {
    const request = await selfdata.api(requestPath(desk.opened.id, '/send'), { method: 'POST' });
    await changed(request, selfdata.text('rights.email.sent'));
}

async function addAnswer() {
    const form = selfdata.element('answer-form');
    const body = new FormData();
    body.append('answeredOn', form.elements.answeredOn.value);
    body.append('complete', String(form.elements.complete.checked));
    for (const file of form.elements.files.files) {
        body.append('files', file);
    }
    const answered = await selfdata.api(requestPath(desk.opened.id, '/answers'), { method: 'POST', body });
    form.elements.files.value = '';
    await changed(answered.request, selfdata.text('rights.answer.imported', answered.imported.records,
        answered.imported.documents));
}

function showChecklist(checklist) {
    selfdata.element('checklist-items').replaceChildren(...checklist.items.map(item => {
        const id = 'checklist-' + item.item;
        const words = selfdata.textOr('rights.checklist.item.' + item.item, item.item + ' (' + item.article + ')');
        // An item found in the answer is ticked for the person, who confirms it by saving or unticks it.
        const found = item.prefilled
            ? [' ', selfdata.create('span', { className: 'badge', text: selfdata.text('rights.checklist.prefill.found') })]
            : [];
        return selfdata.create('div', { className: 'choice' }, [
            selfdata.create('input', { id, type: 'checkbox', name: 'present', value: item.item, checked: item.present }),
            ' ', selfdata.create('label', { for: id }, [words, ...found])]);
    }));
    selfdata.element('checklist-missing').textContent = selfdata.text('rights.checklist.missing', checklist.missing.length);
    selfdata.element('checklist-form').hidden = false;
}

async function loadChecklist() {
    showChecklist(await selfdata.api(requestPath(desk.opened.id, '/checklist')));
}

/** Declared against observed: what the answer shows beyond what its organization declared and was given. */
async function loadComparison() {
    const comparison = await selfdata.api(requestPath(desk.opened.id, '/comparison'));
    const summary = !comparison.recipient ? 'rights.comparison.noRecipient'
        : comparison.differences.length === 0 ? 'rights.comparison.none' : 'rights.comparison.some';
    selfdata.element('comparison-summary').textContent = selfdata.text(summary, comparison.differences.length);
    selfdata.element('comparison-differences').replaceChildren(...comparison.differences
        .map(difference => selfdata.create('li', { text: difference.text })));
}

async function saveChecklist() {
    const present = [...selfdata.element('checklist-items').querySelectorAll('input:checked')].map(input => input.value);
    showChecklist(await selfdata.api(requestPath(desk.opened.id, '/checklist'), { method: 'PUT', json: { present } }));
}

/** The reminder or the complaint, drafted afresh from the request as it stands, to read before downloading it. */
async function showEscalation(kind) {
    // The letter shown so far goes at once, so that its PDF cannot be taken for the one asked for.
    selfdata.element('escalation-letter').hidden = true;
    const letter = await selfdata.api(requestPath(desk.opened.id, '/' + kind));
    desk.escalation = kind;
    writeLetter('escalation-letter', letter);
}

async function escalationPdf() {
    const request = desk.opened;
    await downloadFile(requestPath(request.id, '/' + desk.escalation + '?format=pdf'),
        desk.escalation + '-' + request.reference + '.pdf');
}

async function evidence() {
    const request = desk.opened;
    const name = await downloadFile(requestPath(request.id, '/evidence'), 'evidence-' + request.reference + '.zip');
    say('request-result', selfdata.text('rights.request.downloaded', name));
}

async function loadSender() {
    const sender = await selfdata.api(RIGHTS + '/sender');
    if (sender.configured) {
        const form = selfdata.element('sender-form');
        form.elements.name.value = sender.name;
        form.elements.postalAddress.value = sender.postalAddress || '';
        form.elements.email.value = sender.email || '';
    }
    desk.senderKnown = sender.configured;
    selfdata.element('sender-missing').hidden = desk.senderKnown;
    return desk.senderKnown;
}

/** Asks for who the person is in their letters, where they are about to need it. */
function askForSender() {
    selfdata.element('sender-missing').hidden = false;
    selfdata.element('sender-details').open = true;
    selfdata.element('sender-name').focus();
}

async function saveSender() {
    const form = selfdata.element('sender-form');
    const sender = { name: form.elements.name.value.trim() };
    for (const field of ['postalAddress', 'email']) {
        if (form.elements[field].value.trim()) {
            sender[field] = form.elements[field].value.trim();
        }
    }
    await selfdata.api(RIGHTS + '/sender', { method: 'PUT', json: sender });
    desk.senderKnown = true;
    selfdata.element('sender-missing').hidden = true;
    say('sender-result', selfdata.text('rights.sender.saved'));
}

async function search() {
    const words = selfdata.element('search-words').value.trim();
    const found = (await selfdata.api(RIGHTS + '/organizations?limit=' + SEARCH_LIMIT + '&q='
        + encodeURIComponent(words))).organizations;
    selfdata.element('search-summary').textContent = selfdata.text('rights.draft.found', found.length);
    selfdata.element('organizations').replaceChildren(...found.map(organization => {
        const described = [organization.name];
        if (organization.web) {
            described.push(organization.web);
        }
        if (organization.authority) {
            described.push(selfdata.text('rights.draft.authority'));
        }
        const choose = selfdata.create('button', { type: 'button', className: 'secondary choose-organization',
            text: selfdata.text('rights.draft.choose') });
        choose.addEventListener('click', () => chooseOrganization(organization).catch(selfdata.fail));
        return selfdata.create('li', { 'data-organization': organization.slug },
            [selfdata.create('span', { text: described.join(' · ') }), ' ', choose]);
    }));
}

/** The ways the organization can be reached, as the directory gives them: no other is offered. */
function channels(organization) {
    const offered = [];
    if (organization.email) {
        offered.push('email');
    }
    if (organization.postalAddress) {
        offered.push('letter');
    }
    if (organization.fax) {
        offered.push('fax');
    }
    if (organization.webForm) {
        offered.push('web-form');
    }
    return offered;
}

async function chooseOrganization(organization) {
    desk.chosen = organization;
    const form = selfdata.element('draft-form');
    form.hidden = false;
    selfdata.element('draft-organization').textContent = selfdata.text('rights.draft.chosen', organization.name);
    const offered = channels(organization);
    selfdata.element('draft-channel-choices').replaceChildren(...offered.map((channel, index) => {
        const id = 'channel-' + channel;
        return selfdata.create('div', { className: 'choice' }, [
            selfdata.create('input', { id, type: 'radio', name: 'channel', value: channel, checked: index === 0 }),
            ' ', selfdata.create('label', { for: id, text: selfdata.text('rights.channel.' + channel) })]);
    }));
    selfdata.element('draft-no-channel').hidden = offered.length > 0;
    selfdata.element('draft-submit').disabled = offered.length === 0;
    say('draft-result', '');
    rightsOrganizations.chosen(organization);
    if (desk.senderKnown === null) {
        await loadSender();
    }
    if (!desk.senderKnown) {
        askForSender();
        return;
    }
    selfdata.element('draft-organization').focus();
}

function showPortability() {
    const form = selfdata.element('draft-form');
    selfdata.element('draft-portability-label').hidden = form.elements.right.value !== 'access';
}

async function draft() {
    if (!desk.senderKnown) {
        askForSender();
        return;
    }
    const form = selfdata.element('draft-form');
    const right = form.elements.right.value;
    const body = { organization: desk.chosen.slug, right, channel: form.elements.channel.value,
        language: form.elements.language.value, portability: right === 'access' && form.elements.portability.checked };
    if (form.elements.about.value.trim()) {
        body.about = form.elements.about.value.trim();
    }
    const request = await selfdata.api(RIGHTS + '/requests', { method: 'POST', json: body });
    say('draft-result', selfdata.text('rights.draft.done'));
    await loadRequests();
    showRequest(request);
    await showLetter();
    selfdata.element('request-title').focus();
}

function mailboxBody(form) {
    const server = (host, port, security) => ({ host: form.elements[host].value.trim(),
        port: Number(form.elements[port].value), security: form.elements[security].value });
    const mailbox = { smtp: server('smtpHost', 'smtpPort', 'smtpSecurity'), userName: form.elements.userName.value,
        password: form.elements.password.value, fromAddress: form.elements.fromAddress.value.trim(),
        displayName: form.elements.displayName.value.trim() };
    if (form.elements.imapHost.value.trim()) {
        mailbox.imap = server('imapHost', 'imapPort', 'imapSecurity');
    }
    return mailbox;
}

/** The mailbox by its address and servers, its password never shown: loaded when the person opens its settings. */
async function loadMailbox() {
    const mailbox = await selfdata.api(RIGHTS + '/mailbox');
    if (!mailbox.configured) {
        say('mailbox-result', selfdata.text('rights.mailbox.none'));
        return;
    }
    const form = selfdata.element('mailbox-form');
    form.elements.fromAddress.value = mailbox.address || '';
    for (const [prefix, server] of [['smtp', mailbox.smtp], ['imap', mailbox.imap]]) {
        if (server) {
            form.elements[prefix + 'Host'].value = server.host;
            form.elements[prefix + 'Port'].value = String(server.port);
            form.elements[prefix + 'Security'].value = server.security;
        }
    }
}

async function saveMailbox() {
    const form = selfdata.element('mailbox-form');
    await selfdata.api(RIGHTS + '/mailbox', { method: 'PUT', json: mailboxBody(form) });
    form.elements.password.value = '';
    say('mailbox-result', selfdata.text('rights.mailbox.saved'));
}

async function forgetMailbox() {
    await selfdata.api(RIGHTS + '/mailbox', { method: 'DELETE' });
    selfdata.element('mailbox-form').reset();
    say('mailbox-result', selfdata.text('rights.mailbox.forgotten'));
}

async function fetchAnswers() {
    const fetched = await selfdata.api(RIGHTS + '/fetch', { method: 'POST' });
    say('fetch-result', selfdata.text('rights.fetch.done', fetched.answers.length));
    await loadRequests();
    if (desk.opened) {
        showRequest(await selfdata.api(requestPath(desk.opened.id)));
    }
}

async function createCalendar() {
    const calendar = await selfdata.api(RIGHTS + '/calendar', { method: 'POST' });
    selfdata.element('calendar-address').value = new URL(calendar.url, window.location.origin).href;
    selfdata.element('calendar-address-block').hidden = false;
    say('calendar-result', '');
}

async function forgetCalendar() {
    await selfdata.api(RIGHTS + '/calendar', { method: 'DELETE' });
    selfdata.element('calendar-address').value = '';
    selfdata.element('calendar-address-block').hidden = true;
    say('calendar-result', selfdata.text('rights.calendar.forgotten'));
}

function listen() {
    selfdata.element('requests').addEventListener('click', event => {
        const button = event.target.closest('button.open-request');
        if (button) {
            openRequest(button.dataset.request).catch(selfdata.fail);
        }
    });
    selfdata.element('request-close').addEventListener('click', () => {
        selfdata.element('request').hidden = true;
        desk.opened = null;
    });
    selfdata.element('request-letter').addEventListener('click', acting('request-result', showLetter));
    selfdata.element('request-send-email').addEventListener('click', acting('request-result', sendByEmail));
    selfdata.element('request-evidence').addEventListener('click', acting('request-result', evidence));
    const step = selfdata.element('step-form');
    step.elements.on.value = today();
    step.elements.status.addEventListener('change', () => {
        selfdata.element('step-reasons-label').hidden = !STEPS_WITH_REASONS.includes(step.elements.status.value);
    });
    step.addEventListener('submit', acting('request-result', recordStep));
    const answer = selfdata.element('answer-form');
    answer.elements.answeredOn.value = today();
    answer.addEventListener('submit', acting('request-result', addAnswer));
    selfdata.element('checklist-load').addEventListener('click', acting('request-result', loadChecklist));
    selfdata.element('checklist-form').addEventListener('submit', acting('request-result', saveChecklist));
    selfdata.element('comparison-load').addEventListener('click', acting('request-result', loadComparison));
    selfdata.element('reminder-show').addEventListener('click', acting('request-result', () => showEscalation('reminder')));
    selfdata.element('complaint-show').addEventListener('click', acting('request-result', () => showEscalation('complaint')));
    selfdata.element('escalation-pdf').addEventListener('click', acting('request-result', escalationPdf));
    selfdata.element('sender-details').addEventListener('toggle', () => {
        if (selfdata.element('sender-details').open && desk.senderKnown === null) {
            loadSender().catch(selfdata.fail);
        }
    });
    selfdata.element('sender-form').addEventListener('submit', acting('sender-result', saveSender));
    selfdata.element('search-form').addEventListener('submit', acting('search-summary', search));
    const form = selfdata.element('draft-form');
    form.addEventListener('change', event => {
        if (event.target.name === 'right') {
            showPortability();
        }
    });
    form.addEventListener('submit', acting('draft-result', draft));
    rightsOrganizations.listen(chooseOrganization);
    selfdata.element('mailbox-details').addEventListener('toggle', () => {
        if (selfdata.element('mailbox-details').open) {
            loadMailbox().catch(failure => say('mailbox-result', selfdata.text('common.failure', failure.message), true));
        }
    });
    selfdata.element('mailbox-form').addEventListener('submit', acting('mailbox-result', saveMailbox));
    selfdata.element('mailbox-forget').addEventListener('click', acting('mailbox-result', forgetMailbox));
    selfdata.element('fetch-answers').addEventListener('click', acting('fetch-result', fetchAnswers));
    selfdata.element('calendar-create').addEventListener('click', acting('calendar-result', createCalendar));
    selfdata.element('calendar-forget').addEventListener('click', acting('calendar-result', forgetCalendar));
    rightsChange.listen(loadRequests);
    window.addEventListener('hashchange', () => openNamed().catch(selfdata.fail));
}

/**
 * The request the address names, to open at once: /rights#request-ID as the page's own links and the "ask them"
 * buttons of other pages write it, or /rights?request=ID as the overview does.
 */
function namedRequest() {
    const fragment = /^#request-(.+)$/.exec(window.location.hash);
    return fragment ? decodeURIComponent(fragment[1]) : new URLSearchParams(window.location.search).get('request');
}

async function openNamed() {
    const asked = namedRequest();
    if (asked && desk.requests.some(request => request.id === asked)) {
        await openRequest(asked);
    }
}

/** An organization the address names to look for (/rights?find=NAME#draft): the directory's chooser, searched. */
async function findNamed() {
    const named = new URLSearchParams(window.location.search).get('find');
    if (named) {
        selfdata.element('search-words').value = named;
        await search();
    }
}

selfdata.start(async () => {
    listen();
    await loadRequests();
    await openNamed();
    await findNamed();
    selfdata.element('rights').setAttribute('aria-busy', 'false');
});
