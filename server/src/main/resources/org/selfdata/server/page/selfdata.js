// The owner's page: sign in, then show what the vault holds. Everything comes from the JSON API under /api/v1;
// text is always set with textContent, never as HTML, so nothing from the vault can turn into markup or script.
'use strict';

const TEXT = {
    en: {
        signInTitle: 'Sign in to your vault', handle: 'Handle', password: 'Password', signIn: 'Sign in', signOut: 'Sign out',
        sources: 'Sources', types: 'Record types', latest: 'Latest records', organization: 'Organization', label: 'Label',
        records: 'Records', from: 'From', to: 'To', type: 'Type', when: 'When', source: 'Source', content: 'Content',
        greeting: handle => `Signed in as ${handle}`,
        summary: (records, sources, batches) => `${records} records from ${sources} sources, in ${batches} imports.`,
        empty: 'Nothing yet: import a file with "selfdata import".',
        failure: 'Something went wrong: '
    },
    fr: {
        signInTitle: 'Connexion à votre coffre', handle: 'Identifiant', password: 'Mot de passe', signIn: 'Se connecter',
        signOut: 'Se déconnecter', sources: 'Sources', types: 'Types de données', latest: 'Dernières données',
        organization: 'Organisme', label: 'Libellé', records: 'Données', from: 'Du', to: 'Au', type: 'Type', when: 'Quand',
        source: 'Source', content: 'Contenu',
        greeting: handle => `Connecté·e en tant que ${handle}`,
        summary: (records, sources, batches) => `${records} données de ${sources} sources, en ${batches} imports.`,
        empty: 'Rien pour l’instant : importez un fichier avec « selfdata import ».',
        failure: 'Un problème est survenu : '
    }
};
const LANGUAGE = (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
const text = TEXT[LANGUAGE];
const LATEST = 20;
const PAGE = 1000;
const ATTEMPTS = 30;

let csrfToken = null;

const element = id => document.getElementById(id);

async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (options.method && options.method !== 'GET' && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
    if (response.status === 204) {
        return null;
    }
    const body = await response.json();
    if (!response.ok) {
        const failure = new Error(body.detail || response.statusText);
        failure.status = response.status;
        throw failure;
    }
    return body;
}

function show(section) {
    element('sign-in').hidden = section !== 'sign-in';
    element('overview').hidden = section !== 'overview';
    element('sign-out').hidden = section !== 'overview';
}

function fail(error) {
    element('failure').textContent = text.failure + error.message;
    element('failure').hidden = false;
}

function formatTime(iso) {
    return iso ? new Date(iso).toLocaleString(LANGUAGE, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

function row(tbody, cells) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
        const td = document.createElement('td');
        td.textContent = cell.text;
        if (cell.className) {
            td.className = cell.className;
        }
        tr.appendChild(td);
    }
    tbody.appendChild(tr);
}

function number(value) {
    return { text: value.toLocaleString(LANGUAGE), className: 'number' };
}

function summary(record) {
    const payload = record.payload;
    switch (record.type) {
        case 'bank.transaction': {
            const amount = new Intl.NumberFormat(LANGUAGE, { style: 'currency', currency: payload.currency }).format(payload.amount);
            return `${amount} · ${payload.label}`;
        }
        case 'geo.point':
            return `${payload.latitude.toFixed(5)}, ${payload.longitude.toFixed(5)}`;
        case 'energy.reading':
            return `${payload.value} ${payload.quantity === 'ENERGY' ? 'Wh' : 'W'}`;
        case 'calendar.event':
            return payload.summary;
        case 'contact':
            return payload.displayName;
        default: {
            const json = JSON.stringify(payload);
            return json.length > 120 ? json.slice(0, 119) + '…' : json;
        }
    }
}

// The API reads forwards in time only. The latest records are found in a window that ends at the newest end the
// status reports: the window widens while it holds too few records and narrows while it holds more than a page, so
// each step is one request of at most a page.
async function latestRecords(status) {
    if (status.types.length === 0) {
        return [];
    }
    const last = Math.max(...status.types.map(type => Date.parse(type.lastEnd)));
    const whole = last - Math.min(...status.types.map(type => Date.parse(type.firstStart)));
    let tooFew = 0;
    let tooMany = null;
    let span = Math.min(60 * 60 * 1000, whole);
    for (let attempt = 1; ; attempt++) {
        const from = span >= whole ? null : new Date(last - span);
        const query = new URLSearchParams({ limit: String(PAGE) });
        if (from) {
            query.set('from', from.toISOString());
        }
        const page = await api(`/api/v1/records?${query}`);
        const full = Boolean(page.next);
        const enough = page.records.length >= LATEST || from === null;
        if ((enough && !full) || attempt === ATTEMPTS) {
            return page.records.slice(-LATEST).reverse();
        }
        if (full) {
            tooMany = span;
        } else {
            tooFew = span;
        }
        span = tooMany === null ? Math.min(span * 8, whole) : (tooFew + tooMany) / 2;
    }
}

async function showOverview(session) {
    csrfToken = session.csrfToken;
    const status = await api('/api/v1/status');
    element('greeting').textContent = text.greeting(status.person.handle);
    element('summary').textContent = status.records === 0
        ? text.empty
        : text.summary(status.records.toLocaleString(LANGUAGE), status.sources.length, status.batches);
    const sources = element('sources').tBodies[0];
    sources.replaceChildren();
    for (const source of status.sources) {
        row(sources, [{ text: source.organization }, { text: source.label }, number(source.records),
            { text: formatTime(source.firstStart) }, { text: formatTime(source.lastEnd) }]);
    }
    const types = element('types').tBodies[0];
    types.replaceChildren();
    for (const type of status.types) {
        row(types, [{ text: type.type }, number(type.records), { text: formatTime(type.firstStart) }, { text: formatTime(type.lastEnd) }]);
    }
    const names = new Map(status.sources.map(source => [source.id, `${source.organization} · ${source.label}`]));
    const records = element('records').tBodies[0];
    records.replaceChildren();
    for (const record of await latestRecords(status)) {
        row(records, [{ text: formatTime(record.start) }, { text: record.type }, { text: names.get(record.source) ?? '' },
            { text: summary(record), className: 'content' }]);
    }
    show('overview');
}

async function signIn(event) {
    event.preventDefault();
    const form = event.target;
    const error = element('sign-in-error');
    error.hidden = true;
    try {
        const session = await api('/api/v1/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ handle: form.elements.handle.value, password: form.elements.password.value })
        });
        form.reset();
        await showOverview(session);
    } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
    }
}

async function signOut() {
    try {
        await api('/api/v1/session', { method: 'DELETE' });
    } catch (failure) {
        if (failure.status !== 403) {
            throw failure;
        }
        // The server restarted and derives tokens under a new key: fetch the current one and try once more.
        csrfToken = (await api('/api/v1/session')).csrfToken;
        await api('/api/v1/session', { method: 'DELETE' });
    }
    csrfToken = null;
    show('sign-in');
}

async function start() {
    document.documentElement.lang = LANGUAGE;
    for (const labelled of document.querySelectorAll('[data-text]')) {
        labelled.textContent = text[labelled.dataset.text];
    }
    element('sign-in-form').addEventListener('submit', signIn);
    element('sign-out').addEventListener('click', () => signOut().catch(fail));
    try {
        await showOverview(await api('/api/v1/session'));
    } catch (failure) {
        if (failure.status !== 401) {
            fail(failure);
        }
        show('sign-in');
    }
}

document.addEventListener('DOMContentLoaded', () => start().catch(fail));
