'use strict';
// The explore page: a timeline of every kind of record, a table of the records filtered by kind and days, and one
// record's content, provenance and history. Days are the person's own, in their time zone, whatever the browser's.
const PAGE = 100;
const DAY_MILLIS = 86400000;
const TYPES = ['bank.transaction', 'bank.account', 'geo.point', 'geo.visit', 'geo.trip', 'energy.reading', 'contact',
    'calendar.event', 'social.message', 'social.post', 'document'];
// Colours that stay distinct for common colour blindness, each dark enough to read on white.
const COLOURS = ['#1f5e4f', '#b35c00', '#0b57d0', '#8e3b8e', '#6b6b00', '#a4161a', '#00727a', '#4a4a9c', '#7a4b00',
    '#2f7d32', '#57606a'];

const state = { zone: 'UTC', sources: new Map(), batches: new Map(), steps: [], step: 'month', next: null, shown: 0 };

/** How far the zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant, zone) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
    const part = type => Number(parts.find(found => found.type === type).value);
    const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
    return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a day (2025-03-01) begins in the person's zone, as the API wants it. */
function midnight(day) {
    const [year, month, date] = day.split('-').map(Number);
    const guess = Date.UTC(year, month - 1, date);
    const first = guess - zoneOffset(guess, state.zone);
    return new Date(guess - zoneOffset(first, state.zone)).toISOString();
}

function addDays(day, days) {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The first day of the step after the one starting on this day. */
function nextStep(day) {
    if (state.step === 'day') {
        return addDays(day, 1);
    }
    if (state.step === 'week') {
        return addDays(day, 7);
    }
    const [year, month] = day.split('-').map(Number);
    return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

function inZone(iso, options) {
    return new Intl.DateTimeFormat(selfdata.language, { timeZone: state.zone, ...options }).format(new Date(iso));
}

function dayOf(iso) {
    return inZone(iso, { dateStyle: 'medium' });
}

/**
 * When a record happened: a day for what lasts whole days (a bank's booking date), a time otherwise; "undated" for a
 * record without a time, which has neither start nor end and comes after the others.
 */
function when(record) {
    if (record.start === undefined) {
        return selfdata.text('common.undated');
    }
    const start = Date.parse(record.start);
    const end = Date.parse(record.end);
    const atMidnight = instant => (instant + zoneOffset(instant, state.zone)) % DAY_MILLIS === 0;
    return end > start && atMidnight(start) && atMidnight(end) ? dayOf(record.start)
        : inZone(record.start, { dateStyle: 'medium', timeStyle: 'short' });
}

function sourceName(id) {
    const source = state.sources.get(id);
    return source ? source.organizationName + ' · ' + source.labelName : String(id);
}

// The timeline.

async function drawTimeline() {
    const section = selfdata.element('timeline-section');
    const timeline = await selfdata.api('/api/v1/timeline');
    state.steps = timeline.steps;
    state.step = timeline.step;
    const totals = new Map();
    for (const step of timeline.steps) {
        for (const [type, count] of Object.entries(step.counts)) {
            totals.set(type, (totals.get(type) || 0) + count);
        }
    }
    const types = [...totals.keys()].sort((one, other) => totals.get(other) - totals.get(one));
    const total = [...totals.values()].reduce((sum, count) => sum + count, 0);
    selfdata.element('timeline-summary').textContent = total === 0 ? selfdata.text('explore.timelineEmpty')
        : selfdata.text('explore.timelineSummary', total,
            selfdata.text('explore.step.' + timeline.step), timeline.zone);
    timelineTable(types);
    if (total > 0) {
        chart(types);
    }
    section.setAttribute('aria-busy', 'false');
}

function timelineTable(types) {
    const table = selfdata.element('timeline-table');
    table.tHead.rows[0].replaceChildren(selfdata.create('th', { scope: 'col', text: selfdata.text('explore.stepStart') }),
        ...types.map(type => selfdata.create('th', { scope: 'col', className: 'number', text: selfdata.typeName(type) })));
    selfdata.rows(table.tBodies[0], state.steps, step => [
        selfdata.create('button', { type: 'button', className: 'secondary', text: dayOfStep(step.start) }),
        ...types.map(type => step.counts[type] || 0)]);
    [...table.tBodies[0].querySelectorAll('button')].forEach((button, index) =>
        button.addEventListener('click', () => selectSteps(index, index)));
}

function dayOfStep(day) {
    const [year, month, date] = day.split('-').map(Number);
    const options = state.step === 'month' ? { year: 'numeric', month: 'long' } : { dateStyle: 'medium' };
    return new Intl.DateTimeFormat(selfdata.language, { timeZone: 'UTC', ...options })
        .format(new Date(Date.UTC(year, month - 1, date)));
}

function chart(types) {
    const target = selfdata.element('timeline');
    const seconds = state.steps.map(step => Date.parse(step.start + 'T00:00:00Z') / 1000);
    const data = [seconds, ...types.map(type => state.steps.map(step => step.counts[type] || null))];
    const series = [{ label: selfdata.text('chart.date'), value: (plot, value) => value === null ? '—' : dayOfStep(new Date(value * 1000).toISOString()
        .slice(0, 10)) }, ...types.map((type, index) => ({
        label: selfdata.typeName(type),
        stroke: COLOURS[index % COLOURS.length],
        fill: COLOURS[index % COLOURS.length],
        width: 1,
        value: (plot, value) => value === null || value === undefined ? '—' : selfdata.number(value),
        paths: uPlot.paths.bars({ size: [Math.max(0.15, 0.9 - index * 0.14), 60], align: 0 }),
        points: { show: false }
    }))];
    const plot = new uPlot({
        width: Math.max(320, target.clientWidth),
        height: 288,
        tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { y: { distr: 3, log: 10 } },
        axes: [{}, { values: (self, ticks) => ticks.map(tick => selfdata.number(tick)) }],
        cursor: { drag: { x: true, y: false, setScale: false } },
        series,
        hooks: { setSelect: [self => {
            if (self.select.width > 0) {
                selectSteps(self.posToIdx(self.select.left), self.posToIdx(self.select.left + self.select.width));
            }
        }] }
    }, data, target);
    plot.over.addEventListener('click', () => {
        if (plot.select.width === 0 && plot.cursor.idx !== null && plot.cursor.idx !== undefined) {
            selectSteps(plot.cursor.idx, plot.cursor.idx);
        }
    });
}

/** Lists the records of the steps from `first` to `last`, both included. */
function selectSteps(first, last) {
    const from = state.steps[Math.min(first, last)];
    const to = state.steps[Math.max(first, last)];
    if (!from || !to) {
        return;
    }
    selfdata.element('filter-from').value = from.start;
    selfdata.element('filter-to').value = addDays(nextStep(to.start), -1);
    loadRecords().catch(selfdata.fail);
}

// The table of records.

/** The words searched for, if any: the table then lists the records that hold them all, within the same filters. */
function searchWords() {
    return selfdata.element('filter-words').value.trim();
}

function recordsPath(after) {
    const parameters = new URLSearchParams();
    const type = selfdata.element('filter-type').value;
    const from = selfdata.element('filter-from').value;
    const to = selfdata.element('filter-to').value;
    if (type) {
        parameters.append('type', type);
    }
    if (from) {
        parameters.set('from', midnight(from));
    }
    if (to) {
        parameters.set('to', midnight(addDays(to, 1)));
    }
    parameters.set('limit', String(PAGE));
    if (after) {
        parameters.set('after', after);
    }
    const words = searchWords();
    if (words) {
        parameters.set('q', words);
        return '/api/v1/records/search?' + parameters;
    }
    return '/api/v1/records?' + parameters;
}

function recordRow(record) {
    const link = selfdata.create('a', { href: '/explore?record=' + encodeURIComponent(record.id),
        text: records.summary(record) });
    link.addEventListener('click', event => {
        event.preventDefault();
        window.history.pushState({}, '', link.getAttribute('href'));
        showRecord(record.id).catch(selfdata.fail);
    });
    return selfdata.create('tr', {}, [
        selfdata.create('td', { text: when(record) }),
        selfdata.create('td', { text: selfdata.typeName(record.type) }),
        selfdata.create('td', { text: sourceName(record.source) }),
        selfdata.create('td', {}, [link])]);
}

/** The first page of records for the filters, or, with `more`, the page after those shown. */
async function loadRecords(more = false) {
    const status = selfdata.element('records-status');
    const from = selfdata.element('filter-from').value;
    const to = selfdata.element('filter-to').value;
    const tbody = selfdata.element('records').tBodies[0];
    if (from && to && to < from) {
        status.textContent = selfdata.text('explore.noRecords');
        tbody.replaceChildren();
        selfdata.element('more').hidden = true;
        return;
    }
    const section = selfdata.element('records-section');
    section.setAttribute('aria-busy', 'true');
    const page = await unlessWordsRefused(() => selfdata.api(recordsPath(more ? state.next : null)));
    if (page === null) {
        return;
    }
    const rows = page.records.map(recordRow);
    if (more) {
        tbody.append(...rows);
        state.shown += rows.length;
    } else {
        tbody.replaceChildren(...rows);
        state.shown = rows.length;
    }
    state.next = page.next || null;
    selfdata.element('more').hidden = state.next === null;
    const none = searchWords() ? 'explore.noRecordsWithWords' : 'explore.noRecords';
    status.textContent = state.shown === 0 ? selfdata.text(none)
        : selfdata.text(state.next === null ? 'explore.shown' : 'explore.shownMore', state.shown);
    section.setAttribute('aria-busy', 'false');
}

/** The page read, or null when the server refused the words (none, or too many), which the status then says. */
async function unlessWordsRefused(read) {
    try {
        return await read();
    } catch (failure) {
        if (failure.status !== 400 || !searchWords()) {
            throw failure;
        }
        selfdata.element('records-status').textContent = selfdata.text('explore.wordsRefused');
        selfdata.element('records').tBodies[0].replaceChildren();
        selfdata.element('more').hidden = true;
        selfdata.element('records-section').setAttribute('aria-busy', 'false');
        return null;
    }
}

// One record.

function definitions(id, pairs) {
    selfdata.element(id).replaceChildren(...pairs.flatMap(([term, value]) => [
        selfdata.create('dt', { text: term }), selfdata.create('dd', { text: value })]));
}

/** What changed from one version to the next: each field whose value differs, before and after. */
function changes(before, after) {
    const names = [...new Set([...Object.keys(before.payload), ...Object.keys(after.payload)])];
    const changed = names.filter(name => JSON.stringify(before.payload[name]) !== JSON.stringify(after.payload[name]))
        .map(name => selfdata.text('explore.change', records.fieldName(name),
            records.fieldValue(name, before.payload[name], before.payload),
            records.fieldValue(name, after.payload[name], after.payload)));
    if (before.start !== after.start || before.end !== after.end) {
        changed.push(selfdata.text('explore.change', selfdata.text('explore.recordTime'), when(before), when(after)));
    }
    return changed;
}

function historyItem(version, index, versions) {
    const current = index === versions.length - 1;
    const heading = current ? selfdata.text('explore.versionCurrent', version.version)
        : selfdata.text('explore.versionSuperseded', version.version, dayOf(version.supersededAt));
    const details = index === 0 ? [selfdata.create('li', { text: selfdata.text('explore.asImported') })]
        : changes(versions[index - 1], version).map(change => selfdata.create('li', { text: change }));
    return selfdata.create('li', {}, [selfdata.create('span', { text: heading }), selfdata.create('ul', {}, details)]);
}

async function showRecord(id) {
    const path = '/api/v1/records/' + encodeURIComponent(id);
    const [record, history] = await Promise.all([selfdata.api(path), selfdata.api(path + '/history')]);
    const source = state.sources.get(record.source);
    const batch = state.batches.get(record.batch);
    definitions('record-payload', Object.entries(record.payload)
        .map(([name, value]) => [records.fieldName(name), records.fieldValue(name, value, record.payload)]));
    definitions('record-provenance', [
        [selfdata.text('explore.recordKind'), selfdata.typeName(record.type)],
        [selfdata.text('explore.recordTime'), when(record)],
        [selfdata.text('explore.category'), selfdata.categoryName(record.category)],
        [selfdata.text('explore.organization'), source ? source.organization : String(record.source)],
        [selfdata.text('explore.sourceLabel'), source ? source.labelName : '—'],
        [selfdata.text('explore.fileName'), batch ? batch.fileName : '—'],
        [selfdata.text('explore.batch'), '#' + record.batch],
        [selfdata.text('explore.position'), record.position],
        [selfdata.text('explore.importedAt'), batch ? inZone(batch.finishedAt, { dateStyle: 'medium', timeStyle: 'short' })
            : '—']]);
    const versions = history.versions;
    const items = versions.map(historyItem);
    if (versions.length === 1) {
        items.push(selfdata.create('li', { text: selfdata.text('explore.neverCorrected') }));
    }
    selfdata.element('record-history').replaceChildren(...items);
    const section = selfdata.element('record');
    section.hidden = false;
    section.scrollIntoView();
    section.focus();
}

function hideRecord() {
    selfdata.element('record').hidden = true;
}

function followAddress() {
    const id = new URLSearchParams(window.location.search).get('record');
    if (id) {
        showRecord(id).catch(selfdata.fail);
    } else {
        hideRecord();
    }
}

selfdata.start(async () => {
    const [session, sources, batches] = await Promise.all([selfdata.api('/api/v1/session'),
        selfdata.api('/api/v1/sources'), selfdata.api('/api/v1/batches')]);
    state.zone = session.person.zone;
    sources.sources.forEach(source => state.sources.set(source.id, source));
    batches.batches.forEach(batch => state.batches.set(batch.id, batch));
    const select = selfdata.element('filter-type');
    select.append(...TYPES.map(type => selfdata.create('option', { value: type, text: selfdata.typeName(type) })));
    selfdata.element('filters').addEventListener('submit', event => {
        event.preventDefault();
        loadRecords().catch(selfdata.fail);
    });
    selfdata.element('filter-clear').addEventListener('click', () => {
        selfdata.element('filters').reset();
        loadRecords().catch(selfdata.fail);
    });
    selfdata.element('more').addEventListener('click', () => loadRecords(true).catch(selfdata.fail));
    selfdata.element('record-close').addEventListener('click', () => {
        window.history.pushState({}, '', '/explore');
        hideRecord();
        selfdata.element('records-title').scrollIntoView();
    });
    window.addEventListener('popstate', followAddress);
    followAddress();
    // The table first: counting every record for the timeline keeps the server busy for a while, and should not hold
    // back the records the page can show at once.
    await loadRecords();
    await drawTimeline();
});
