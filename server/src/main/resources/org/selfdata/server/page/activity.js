'use strict';
// The activity page: the transparency log newest first, a page at a time, each entry in plain words, the owner's own
// consecutive reads folded into one line, filters kept in the address so that a link can open the log filtered, and
// whether the whole log is still as the vault signed it.
const PAGE = 50;
const WIDEST = 1000;
const FILTERS = ['recipient', 'grant', 'action'];

const chosen = new Map(FILTERS.map(name => [name, new URLSearchParams(window.location.search).get(name) || '']));
const state = { before: 0, entries: [], recipients: new Map(), grants: new Map(), badEntry: -1, loaded: false };

function filtered() {
    return [...chosen.values()].some(value => value !== '');
}

function logPath(after, limit) {
    const parameters = new URLSearchParams();
    chosen.forEach((value, name) => {
        if (value !== '') {
            parameters.set(name, value);
        }
    });
    parameters.set('after', after);
    parameters.set('limit', limit);
    return '/api/v1/log?' + parameters;
}

/** Every matching entry from index `from` up to, not including, `to`, oldest first. */
async function range(from, to) {
    const found = [];
    let after = from - 1;
    for (;;) {
        const page = await selfdata.api(logPath(after, Math.min(WIDEST, to - after - 1)));
        found.push(...page.entries.filter(entry => entry.index < to));
        const last = page.entries.at(-1);
        if (page.next === undefined || last === undefined || last.index >= to - 1) {
            return found;
        }
        after = page.next;
    }
}

/**
 * Reads backwards from the oldest entry shown: the API reads forwards, so each step reads a window of indexes before
 * it, as wide as a page when nothing is filtered, and wider while a filter finds too few entries in it.
 */
async function readOlder() {
    let found = [];
    let span = PAGE;
    while (found.length < PAGE && state.before > 0) {
        const from = Math.max(0, state.before - span);
        found = (await range(from, state.before)).concat(found);
        state.before = from;
        span *= 4;
    }
    state.entries.push(...found.reverse());
}

function who(actor) {
    if (actor.kind === 'recipient') {
        return state.recipients.get(actor.id) || actor.id;
    }
    return actor.kind === 'service' ? selfdata.text('activity.service', actor.name) : selfdata.text('actor.owner');
}

/** What an entry is about: its records and their kinds, the kinds alone, or nothing, which the sentence says. */
function what(entry) {
    const types = entry.types.map(selfdata.typeName).join(', ') || '—';
    if (entry.count === 0) {
        return entry.types.length === 0 ? '' : selfdata.text('activity.kinds', types);
    }
    return selfdata.text('activity.records', entry.count, types);
}

/**
 * The entry as a sentence. Each action's words choose, by `nothing` or `some`, the sentence for an entry about no
 * record at all, since a language may say it differently ("Vous n’avez importé aucun enregistrement").
 */
function sentence(entry) {
    const about = what(entry);
    const nothing = about === '' ? 'nothing' : 'some';
    return entry.actor.kind === 'owner'
        ? selfdata.text('activity.owner.' + entry.action, about, nothing)
        : selfdata.text('activity.other.' + entry.action, who(entry.actor), about, nothing);
}

/** A purpose in the page's words; one it has no words for, dpv:SomethingNew, becomes "something new". */
function purposeWords(term) {
    const name = term.replace(/^[a-z]+:/, '');
    return selfdata.textOr('activity.purposeName.' + name, name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

/** A precision as the log words it, "location region, amounts exact", in the page's words where it has them. */
function precisionWords(precision) {
    return precision.split(', ').map(part => {
        const [dimension, term] = part.split(' ');
        const [level, step] = (term || '').split(':');
        const key = 'activity.precision.' + dimension + '.' + level;
        return selfdata.textOr(key, null) === null ? part : selfdata.text(key, step ?? '');
    }).join(', ');
}

function details(entry) {
    const parts = [selfdata.text('activity.entry', entry.index)];
    if (entry.requests > 1) {
        parts.push(selfdata.text('activity.requests', entry.requests));
    }
    if (entry.span) {
        parts.push(selfdata.text('activity.period', selfdata.period(entry.span.start, entry.span.end)));
    }
    if (entry.precision) {
        parts.push(selfdata.text('activity.precision', precisionWords(entry.precision)));
    }
    if (entry.purpose) {
        parts.push(selfdata.text('activity.purpose', purposeWords(entry.purpose)));
    }
    const children = [parts.join(' · ')];
    if (entry.grant) {
        const grant = state.grants.get(entry.grant);
        children.push(' · ', selfdata.text('activity.underGrant'), ' ', selfdata.create('a', {
            href: '/activity?grant=' + encodeURIComponent(entry.grant),
            text: grant ? grant.terms.purposeDescription : entry.grant }));
    }
    return selfdata.create('span', { className: 'details muted' }, children);
}

function line(entry) {
    const bad = entry.index === state.badEntry;
    return selfdata.create('li', { className: bad ? 'entry bad' : 'entry', 'data-index': String(entry.index) }, [
        selfdata.create('time', { datetime: entry.recordedAt, text: selfdata.dateTime(entry.recordedAt) }),
        selfdata.create('span', { className: 'what' }, [sentence(entry), ...(bad
            ? [' ', selfdata.create('span', { className: 'badge error', text: selfdata.text('activity.badEntry') })] : [])]),
        details(entry)]);
}

function ownRead(entry) {
    return entry.actor.kind === 'owner' && entry.action === 'read';
}

/** The entries, newest first, with each run of the owner's own reads as one line that opens to show them. */
function groups(entries) {
    const result = [];
    for (const entry of entries) {
        const previous = result.at(-1);
        if (ownRead(entry) && previous !== undefined && ownRead(previous[0])) {
            previous.push(entry);
        } else {
            result.push([entry]);
        }
    }
    return result;
}

function folded(reads) {
    const newest = reads[0];
    const oldest = reads.at(-1);
    const summary = selfdata.text('activity.fold', reads.length, selfdata.dateTime(oldest.recordedAt),
        selfdata.dateTime(newest.recordedAt));
    const open = reads.some(entry => entry.index === state.badEntry);
    return selfdata.create('li', { className: 'entry folded' }, [
        selfdata.create('details', { open }, [
            selfdata.create('summary', { text: summary }),
            selfdata.create('ol', { className: 'entries' }, reads.map(line))])]);
}

function render() {
    selfdata.element('entries').replaceChildren(...groups(state.entries)
        .map(group => group.length === 1 ? line(group[0]) : folded(group)));
    const count = selfdata.number(state.entries.length);
    const summary = state.entries.length === 0 ? selfdata.text('activity.empty')
        : selfdata.text(filtered() ? 'activity.shownFiltered' : 'activity.shown', count);
    selfdata.element('entries-summary').textContent = state.before === 0 && state.entries.length > 0
        ? summary + ' ' + selfdata.text('activity.beginning') : summary;
    selfdata.element('older').hidden = state.before === 0;
}

function showVerification(verification) {
    const status = selfdata.element('verification-status');
    const problem = selfdata.element('verification-problem');
    if (verification.verified) {
        const signedOn = selfdata.dateTime(verification.head.timestamp);
        status.textContent = verification.entries === 0 ? selfdata.text('activity.intactEmpty')
            : selfdata.text('activity.intact', verification.entries, signedOn);
        status.className = 'good';
        return;
    }
    status.hidden = true;
    state.badEntry = verification.firstBad ?? -1;
    problem.replaceChildren(
        selfdata.text('activity.broken.' + verification.what, verification.firstBad ?? ''), ' ',
        selfdata.create('span', { className: 'detail', lang: 'en',
            text: selfdata.text('activity.broken.detail', verification.message) }));
    problem.hidden = false;
    if (state.loaded && state.badEntry >= 0) {
        render();
    }
}

function fill(id, options) {
    const select = selfdata.element(id);
    const name = select.name;
    select.append(...options.map(([value, label]) => selfdata.create('option', { value, text: label })));
    const wanted = chosen.get(name);
    if (wanted !== '' && ![...select.options].some(option => option.value === wanted)) {
        select.append(selfdata.create('option', { value: wanted, text: wanted }));
    }
    select.value = wanted;
}

function keepFiltersInTheAddress() {
    selfdata.element('filters').addEventListener('submit', event => {
        event.preventDefault();
        const parameters = new URLSearchParams();
        for (const name of FILTERS) {
            const value = selfdata.element('filter-' + name).value;
            if (value !== '') {
                parameters.set(name, value);
            }
        }
        window.location.assign('/activity' + (parameters.size === 0 ? '' : '?' + parameters));
    });
}

selfdata.start(async () => {
    keepFiltersInTheAddress();
    const auditors = activityAuditors.start().catch(selfdata.fail);
    const verification = selfdata.api('/api/v1/log/verification').then(showVerification).catch(selfdata.fail);
    const [recipients, grants, head] = await Promise.all([selfdata.api('/api/v1/recipients'),
        selfdata.api('/api/v1/grants'), selfdata.api('/api/v1/log/head')]);
    recipients.recipients.forEach(recipient => state.recipients.set(recipient.id, recipient.name));
    grants.grants.forEach(grant => state.grants.set(grant.id, grant));
    fill('filter-recipient', recipients.recipients.map(recipient => [recipient.id, recipient.name]));
    fill('filter-grant', grants.grants.map(grant => [grant.id, selfdata.text('activity.grantOption',
        state.recipients.get(grant.terms.recipient) || grant.terms.recipient, grant.terms.purposeDescription)]));
    fill('filter-action', []);
    state.before = head.treeSize;
    await readOlder();
    state.loaded = true;
    render();
    selfdata.element('older').addEventListener('click', () => readOlder().then(render, selfdata.fail));
    selfdata.element('activity').setAttribute('aria-busy', 'false');
    await verification;
    await auditors;
});
