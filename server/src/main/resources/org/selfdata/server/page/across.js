'use strict';
// The page of what the person's sources tell only together: the electricity used at home while they were away (the
// meter and the locations), their commute's carbon and the price of a ride on their pass (the locations and the bank),
// and the subscriptions to places their locations never take them to (the bank and the locations). Each says how sure it is and links to the records it rests on; what could not be worked out says why.

function paragraph(text, className) {
    return selfdata.create('p', { text, className });
}

function confidence(found) {
    return paragraph(selfdata.text('across.confidence', found.confidence.words, found.confidence.percent), 'confidence');
}

/** The evidence in words, and a link to Explore for each record it rests on. */
function evidence(found) {
    const shown = found.evidence;
    const counted = selfdata.text('across.evidence.' + shown.unit, shown.count, shown.outOf);
    const parts = [paragraph(selfdata.text('across.evidence', counted, selfdata.day(shown.first), selfdata.day(shown.last)),
        'evidence muted')];
    if (shown.records.length > 0) {
        const links = shown.records.flatMap((record, index) => [index === 0 ? ' ' : ', ',
            selfdata.create('a', { href: record.explore, text: selfdata.text('across.record', index + 1) })]);
        parts.push(selfdata.create('p', { className: 'records' }, [selfdata.text('across.records'), ...links]));
    }
    return parts;
}

function euros(amount) {
    return amount === undefined || amount === null ? '—' : selfdata.money(amount, 'EUR');
}

function showAway(away) {
    const summary = selfdata.element('across-away-summary');
    if (!away.found) {
        summary.textContent = away.reason;
        return;
    }
    const use = away.finding;
    const said = [selfdata.text('across.away.says', use.days, selfdata.number(use.kilowattHours, 1),
        selfdata.number(use.meanWatts, 0))];
    if (use.homeMeanWatts !== undefined && use.homeMeanWatts !== null) {
        said.push(selfdata.text('across.away.atHome', selfdata.number(use.homeMeanWatts, 0)));
    }
    if (use.cost !== undefined && use.cost !== null) {
        said.push(selfdata.text('across.away.cost', euros(use.cost), use.priceSource));
    }
    summary.textContent = said.join(' ');
    const verdict = use.leftOn
        ? paragraph(selfdata.text('across.away.leftOn', selfdata.number(use.alwaysOnWatts, 0)), 'notice')
        : paragraph(selfdata.text('across.away.standby', selfdata.number(use.alwaysOnWatts, 0)));
    summary.after(verdict, confidence(away), ...evidence(away));
    selfdata.rows(selfdata.element('across-away-periods'), use.periods, period => [selfdata.day(period.first),
        selfdata.day(period.last), period.days, selfdata.number(period.kilowattHours, 1),
        period.leftOn ? selfdata.text('across.away.wattsLeftOn', selfdata.number(period.meanWatts, 0))
            : selfdata.number(period.meanWatts, 0)]);
    selfdata.element('across-away-found').hidden = false;
}

function showCommute(commute) {
    const summary = selfdata.element('across-commute-summary');
    if (!commute.found) {
        summary.textContent = commute.reason;
        return;
    }
    const found = commute.finding;
    const said = [selfdata.text('across.commute.says', found.journeys, selfdata.number(found.kilometres, 0),
        selfdata.day(found.from), selfdata.day(found.to))];
    if (found.kilograms !== undefined && found.kilograms !== null) {
        said.push(selfdata.text('across.commute.carbon', selfdata.number(found.kilograms, 1)));
    }
    if (found.pass) {
        said.push(found.pass.perJourney !== undefined && found.pass.perJourney !== null
            ? selfdata.text('across.commute.pass', found.pass.payee, euros(found.pass.paid), euros(found.pass.perJourney))
            : selfdata.text('across.commute.passUnused', found.pass.payee, euros(found.pass.paid)));
    }
    summary.textContent = said.join(' ');
    summary.after(confidence(commute), ...evidence(commute));
    selfdata.rows(selfdata.element('across-commute-ways'), found.ways, way => [selfdata.text('across.mode.' + way.mode),
        way.journeys, selfdata.number(way.kilometres, 1),
        way.kilograms === undefined || way.kilograms === null ? '—' : selfdata.number(way.kilograms, 2),
        way.factor ? selfdata.text('across.commute.factorSays', way.factor.kilograms, way.factor.source) : '—']);
    selfdata.element('across-commute-found').hidden = false;
}

function venueItem(venue) {
    const found = venue.finding;
    const paid = selfdata.text('across.venues.paid', found.payee, euros(found.typical),
        selfdata.text('across.period.' + found.period), selfdata.day(found.since), found.payments, euros(found.paid));
    const seen = found.visited
        ? selfdata.text('across.venues.visited', found.place.yours && found.place.yours.name ? found.place.yours.name
            : found.place.name)
        : selfdata.text('across.venues.notVisited', found.payee);
    return selfdata.create('li', { className: found.visited ? 'finding' : 'finding notice' },
        [paragraph(paid), paragraph(seen), confidence(venue), ...evidence(venue)]);
}

function showVenues(across) {
    const summary = selfdata.element('across-venues-summary');
    const list = selfdata.element('across-venues-list');
    if (across.venuesUnchecked) {
        summary.textContent = across.venuesUnchecked;
    } else if (across.venues.length === 0) {
        summary.textContent = selfdata.text('across.venues.none');
    } else {
        summary.textContent = selfdata.text('across.venues.found', across.venues.length);
    }
    list.replaceChildren(...(across.venuesUnchecked ? [] : across.venues.map(venueItem)));
}

selfdata.start(async () => {
    const across = await selfdata.api('/api/v1/across');
    showAway(across.away);
    showCommute(across.commute);
    showVenues(across);
    selfdata.element('across').setAttribute('aria-busy', 'false');
});
