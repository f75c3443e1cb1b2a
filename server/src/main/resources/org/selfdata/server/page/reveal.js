'use strict';
// The page of what the person's data reveals about them, grouped by source. Locations first: home, place of study or
// work, regular places, the weekly routine and periods away, each with its confidence and the records it rests on,
// the places on the shared map (map.js), and on each place the person's corrections: right, renamed, or wrong. Then
// the other sources' findings (bank transactions, calendar and contacts), in the one shape every source answers in,
// and what each grant's recipient can work out (reveal-grants.js). Nothing here is a guess shown as a fact: what
// could not be found says why.
const SOURCES = ['money', 'agenda'];
/** Places farther than this from home are on the map, but the map first frames the person's everyday places. */
const EVERYDAY_METRES = 30000;

const state = { map: null, places: null, fetch: 0 };

function paragraph(text, className) {
    return selfdata.create('p', { text, className });
}

/** The place an inference found, or the place itself in the list of those the person marked wrong. */
function placeOf(inference) {
    return inference.finding || inference;
}

function confidence(found) {
    return found.confidence
        ? paragraph(selfdata.text('reveal.confidence', found.confidence.words, found.confidence.percent), 'confidence')
        : null;
}

/** The evidence in words, and a link to Explore for each record it rests on. */
function evidence(found) {
    const shown = found.evidence;
    if (!shown) {
        return [];
    }
    const key = 'reveal.evidence.' + shown.unit;
    const counted = selfdata.textOr(key, null) === null
        ? selfdata.text('reveal.evidence.other', shown.count, shown.outOf)
        : selfdata.text(key, shown.count, shown.outOf);
    const said = shown.first && shown.last
        ? selfdata.text('reveal.evidence.between', counted, selfdata.day(shown.first), selfdata.day(shown.last))
        : selfdata.text('reveal.evidence', counted);
    const parts = [paragraph(said, 'evidence muted')];
    const records = shown.records || [];
    if (records.length > 0) {
        const links = records.flatMap((record, index) => [index === 0 ? ' ' : ', ',
            selfdata.create('a', { href: record.explore, text: selfdata.text('reveal.record', index + 1) })]);
        parts.push(selfdata.create('p', { className: 'records' }, [selfdata.text('reveal.records'), ...links]));
    }
    return parts;
}

function special(found, key) {
    return found.special ? paragraph(selfdata.text(key, found.special.words), 'notice special') : null;
}

/** A place's name: the person's own, else the one its source gave, else what it was found to be. */
function placeLabel(place, fallback) {
    if (place.yours && place.yours.name) {
        return place.yours.name;
    }
    return place.name || fallback;
}

async function correct(place, body) {
    await selfdata.api('/api/v1/reveal/places/' + encodeURIComponent(place.key), { method: 'PUT',
        json: { latitude: place.latitude, longitude: place.longitude, ...body } });
    await showLocations();
}

async function undo(place) {
    await selfdata.api('/api/v1/reveal/places/' + encodeURIComponent(place.key), { method: 'DELETE' });
    await showLocations();
}

function button(key, className, action) {
    const created = selfdata.create('button', { type: 'button', className, text: selfdata.text(key) });
    created.addEventListener('click', () => {
        created.disabled = true;
        action().catch(failure => {
            created.disabled = false;
            selfdata.fail(failure);
        });
    });
    return created;
}

/** The small form that names a place, shown in place of the buttons. */
function renameForm(place, label, buttons) {
    const input = selfdata.create('input', { type: 'text', name: 'name', required: true, maxlength: '100',
        value: place.yours && place.yours.name ? place.yours.name : '' });
    const cancel = selfdata.create('button', { type: 'button', className: 'secondary', text: selfdata.text('reveal.cancel') });
    const form = selfdata.create('form', { className: 'inline rename', 'aria-label': selfdata.text('reveal.renaming', label),
        hidden: true }, [selfdata.create('label', {}, [selfdata.text('reveal.name'), input]),
        selfdata.create('button', { type: 'submit', text: selfdata.text('reveal.save') }), cancel]);
    cancel.addEventListener('click', () => {
        form.hidden = true;
        buttons.hidden = false;
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        correct(place, { verdict: 'named', name: input.value.trim() }).catch(selfdata.fail);
    });
    return form;
}

/** What the person said of a place, and the buttons to say it: only once the server keeps corrections. */
function corrections(place, label) {
    if (!place.key) {
        return [];
    }
    const said = [];
    if (place.yours && place.yours.verdict === 'confirmed') {
        said.push(paragraph(selfdata.text('reveal.yours.confirmed'), 'yours good'));
    } else if (place.yours && place.yours.verdict === 'named') {
        said.push(paragraph(selfdata.text('reveal.yours.named', place.yours.name), 'yours good'));
    }
    const buttons = selfdata.create('div', { className: 'actions' });
    const form = renameForm(place, label, buttons);
    if (!place.yours || place.yours.verdict !== 'confirmed') {
        buttons.append(button('reveal.right', 'secondary', () => correct(place, { verdict: 'confirmed' })));
    }
    const rename = selfdata.create('button', { type: 'button', className: 'secondary', text: selfdata.text('reveal.rename') });
    rename.addEventListener('click', () => {
        buttons.hidden = true;
        form.hidden = false;
        form.querySelector('input').focus();
    });
    buttons.append(rename, button('reveal.wrong', 'secondary', () => correct(place, { verdict: 'wrong' })));
    if (place.yours) {
        buttons.append(button('reveal.undo', 'secondary', () => undo(place)));
    }
    return [...said, buttons, form];
}

/**
 * A place found: its name when it has one besides what its heading says, what it says, how sure, on what evidence,
 * and what the person said of it.
 */
function placeFinding(inference, says, label, named) {
    const place = placeOf(inference);
    const parts = named ? [selfdata.create('p', { className: 'name' }, [selfdata.create('strong', { text: label })])] : [];
    parts.push(paragraph(selfdata.text(says, place.withinMetres), 'says'));
    if (place.name && place.name !== label) {
        parts.push(paragraph(selfdata.text('reveal.sourceName', place.name), 'muted'));
    }
    if (place.kind) {
        parts.push(paragraph(selfdata.text('reveal.sourceKind', place.kind), 'muted'));
    }
    parts.push(special(place, 'reveal.special.place'), confidence(inference), ...evidence(inference),
        ...corrections(place, label));
    return selfdata.create('article', { className: 'finding' }, parts.filter(part => part !== null));
}

/** An inference that found nothing: why, in the server's words, with the numbers. */
function unknown(inference) {
    return paragraph(inference.reason || selfdata.text('reveal.unknown'), 'reason muted');
}

/** Home, or the place of study or work: under a heading of its own, so named only when it has a name. */
function showPlace(id, inference, says, heading, onMap) {
    const container = selfdata.element(id);
    if (!inference.found) {
        container.replaceChildren(unknown(inference));
        return;
    }
    const place = placeOf(inference);
    const label = placeLabel(place, heading);
    container.replaceChildren(placeFinding(inference, says, label, label !== heading));
    onMap.push({ place, label, everyday: true });
}

function showRegular(regularPlaces, onMap) {
    const list = selfdata.element('reveal-regular');
    if (regularPlaces.length === 0) {
        list.replaceChildren(selfdata.create('li', { text: selfdata.text('reveal.noRegular'), className: 'muted' }));
        return;
    }
    list.replaceChildren(...regularPlaces.map((inference, index) => {
        if (!inference.found) {
            return selfdata.create('li', {}, [unknown(inference)]);
        }
        const place = placeOf(inference);
        const label = placeLabel(place, selfdata.text('reveal.regularNumber', index + 1));
        onMap.push({ place, label, everyday: false });
        return selfdata.create('li', {}, [placeFinding(inference, 'reveal.regular.says', label, true)]);
    }));
}

function weekday(day) {
    // 2024-01-01 was a Monday: the weekday's name in the page's language, from the date of one in that week.
    const index = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(day);
    const date = new Date(Date.UTC(2024, 0, 1 + index));
    return date.toLocaleDateString(selfdata.language, { weekday: 'long', timeZone: 'UTC' });
}

/** A time of day the API gives as 08:24:00, written as the page's language writes times, as every page does. */
function clock(time) {
    if (!time) {
        return null;
    }
    const [hours, minutes] = time.split(':').map(Number);
    return new Date(Date.UTC(1970, 0, 1, hours, minutes)).toLocaleTimeString(selfdata.language,
        { timeStyle: 'short', timeZone: 'UTC' });
}

function showRoutine(routine) {
    const container = selfdata.element('reveal-routine');
    if (!routine.found) {
        container.replaceChildren(unknown(routine));
        return;
    }
    const table = selfdata.create('table', {}, [
        selfdata.create('caption', { className: 'visually-hidden', text: selfdata.text('reveal.routine') }),
        selfdata.create('thead', {}, [selfdata.create('tr', {}, [
            selfdata.create('th', { scope: 'col', text: selfdata.text('reveal.routine.day') }),
            selfdata.create('th', { scope: 'col', text: selfdata.text('reveal.routine.leaves') }),
            selfdata.create('th', { scope: 'col', text: selfdata.text('reveal.routine.returns') }),
            selfdata.create('th', { scope: 'col', className: 'number', text: selfdata.text('reveal.routine.seen') })])]),
        selfdata.create('tbody')]);
    selfdata.rows(table.tBodies[0], routine.finding.days, day => [weekday(day.day), clock(day.leaves),
        clock(day.returns), day.seen]);
    container.replaceChildren(paragraph(selfdata.text('reveal.routine.says'), 'says'), table,
        ...[confidence(routine), ...evidence(routine)].filter(part => part !== null));
}

function showAway(periodsAway) {
    const list = selfdata.element('reveal-away');
    if (periodsAway.length === 0) {
        list.replaceChildren(selfdata.create('li', { text: selfdata.text('reveal.noAway'), className: 'muted' }));
        return;
    }
    const areas = new Intl.ListFormat(selfdata.language, { type: 'conjunction' });
    list.replaceChildren(...periodsAway.map(inference => {
        if (!inference.found) {
            return selfdata.create('li', {}, [unknown(inference)]);
        }
        const away = inference.finding;
        const said = away.areas.length > 0
            ? selfdata.text('reveal.away.in', selfdata.day(away.firstNight), selfdata.day(away.lastNight), away.nights,
                areas.format(away.areas))
            : selfdata.text('reveal.away.says', selfdata.day(away.firstNight), selfdata.day(away.lastNight), away.nights);
        return selfdata.create('li', {}, [selfdata.create('article', { className: 'finding' },
            [paragraph(said, 'says'), confidence(inference), ...evidence(inference)].filter(part => part !== null))]);
    }));
}

/** The places the person marked wrong: shown apart, never as findings, each with the way back. */
function showWrong(markedWrong) {
    const places = markedWrong || [];
    selfdata.element('reveal-wrong-part').hidden = places.length === 0;
    selfdata.element('reveal-wrong').replaceChildren(...places.map(marked => {
        const place = placeOf(marked);
        const parts = [paragraph(selfdata.text('reveal.yours.wrong', selfdata.number(place.latitude, 5),
            selfdata.number(place.longitude, 5)), 'says')];
        if (place.key) {
            parts.push(selfdata.create('div', { className: 'actions' }, [button('reveal.undo', 'secondary',
                () => undo(place))]));
        }
        return selfdata.create('li', {}, [selfdata.create('article', { className: 'finding' }, parts)]);
    }));
}

/** The places on the map; the view frames the everyday ones, those within reach of home, when home is known. */
function drawPlaces(onMap) {
    if (state.map === null) {
        state.map = selfdataMap.create();
        state.places = L.layerGroup().addTo(state.map);
    }
    state.places.clearLayers();
    for (const shown of onMap) {
        selfdataMap.place(state.places, shown.place.latitude, shown.place.longitude, shown.label, shown.everyday);
    }
    const home = onMap.length > 0 && onMap[0].everyday ? onMap[0].place : null;
    const framed = onMap.filter(shown => home === null || state.map.distance([home.latitude, home.longitude],
        [shown.place.latitude, shown.place.longitude]) <= EVERYDAY_METRES);
    if (framed.length > 0) {
        state.map.fitBounds(L.latLngBounds(framed.map(shown => [shown.place.latitude, shown.place.longitude])),
            { padding: [32, 32], maxZoom: 15 });
    }
}

function showFound(locations) {
    selfdata.element('reveal-locations-summary').textContent = selfdata.text('reveal.locations.summary',
        locations.points, locations.visits, locations.stays);
    selfdata.element('reveal-locations-found').hidden = false;
    const onMap = [];
    showPlace('reveal-home', locations.home, 'reveal.home.says', selfdata.text('reveal.home'), onMap);
    showPlace('reveal-study', locations.study, 'reveal.study.says', selfdata.text('reveal.study'), onMap);
    showRegular(locations.regularPlaces, onMap);
    showRoutine(locations.routine);
    showAway(locations.periodsAway);
    showWrong(locations.markedWrong);
    drawPlaces(onMap);
}

async function showLocations() {
    const section = selfdata.element('reveal-locations');
    section.setAttribute('aria-busy', 'true');
    const fetching = ++state.fetch;
    const locations = await selfdata.api('/api/v1/reveal/locations');
    if (fetching !== state.fetch) {
        return;
    }
    if (locations.points === 0 && locations.visits === 0) {
        selfdata.element('reveal-locations-summary').textContent = selfdata.text('reveal.locations.none');
        selfdata.element('reveal-locations-found').hidden = true;
    } else {
        showFound(locations);
    }
    section.setAttribute('aria-busy', 'false');
}

/** One of what another source's findings say, how sure, on what evidence, or why it could not be found. */
function otherFinding(finding) {
    const parts = [paragraph(finding.says, 'says')];
    if (finding.found) {
        parts.push(special(finding, 'reveal.special.other'), confidence(finding), ...evidence(finding));
    } else {
        parts.push(unknown(finding));
    }
    return selfdata.create('li', {}, [selfdata.create('article', { className: finding.found ? 'finding' : 'finding not-found' },
        parts.filter(part => part !== null))]);
}

function showSource(source, answer) {
    const section = selfdata.element('reveal-' + source);
    section.querySelector('p.lead').textContent = typeof answer.records === 'number'
        ? selfdata.text('reveal.source.summary', answer.records) : '';
    const findings = answer.findings || [];
    section.querySelector('ul').replaceChildren(...(findings.length === 0
        ? [selfdata.create('li', { text: selfdata.text('reveal.source.nothing'), className: 'muted' })]
        : findings.map(otherFinding)));
    section.hidden = false;
}

selfdata.start(async () => {
    await Promise.all([showLocations(), revealGrants.fill(selfdata.element('reveal-grants')),
        ...SOURCES.map(source => selfdata.api('/api/v1/reveal/' + source).then(answer => showSource(source, answer)))]);
    selfdata.element('reveal').setAttribute('aria-busy', 'false');
});
