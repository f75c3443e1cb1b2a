'use strict';
// Records in words, as every page writes them: a person's own records on Explore, and records as a recipient would
// receive them in the previews of the sharing and consent pages. A shared record is the same record with less in it
// (an area where there was a coordinate, a band where there was an amount), so one writer serves both, and says why a
// place is less precise than a grant asked for.
const records = (() => {
    /** Fields whose values come from a closed list, by the list's name in the page's words. */
    const VOCABULARIES = { mode: 'activity', activity: 'activity', origin: 'origin', semanticType: 'place',
        quantity: 'quantity' };
    const AREAS = ['commune', 'department', 'region', 'country'];

    function fieldName(name) {
        return selfdata.textOr('record.field.' + name, name);
    }

    /** A value from a closed list in words, such as `IN_PASSENGER_VEHICLE` as "by car"; other values as they are. */
    function valueWord(name, value) {
        const vocabulary = VOCABULARIES[name];
        return vocabulary ? selfdata.textOr('record.' + vocabulary + '.' + value, String(value)) : String(value);
    }

    function capitalized(words) {
        return words.charAt(0).toLocaleUpperCase(selfdata.language) + words.substring(1);
    }

    /** A country by its ISO 3166 code, in the page's language: `CA` is "Canada", or "Kanada". */
    function countryName(code) {
        try {
            return new Intl.DisplayNames([selfdata.language], { type: 'region' }).of(code) || code;
        } catch (error) {
            return code;
        }
    }

    /** An area a grant's precision gave in place of a coordinate, in words. */
    function areaWord(area) {
        switch (area.level) {
        case 'h3':
            return selfdata.text('record.area.cell', area.cell, area.resolution);
        case 'country':
            return countryName(area.code);
        case 'unknown':
            return selfdata.text('record.area.unknown');
        default:
            return area.name;
        }
    }

    function isArea(value) {
        return value !== null && typeof value === 'object' && typeof value.level === 'string';
    }

    /** An amount as exact, rounded or banded: `-480.00`, `-500`, or from 200 to 500 spent. */
    function amountWord(value, currency) {
        if (value !== null && typeof value === 'object') {
            const band = value.to === undefined
                ? selfdata.text('record.band.above', selfdata.money(value.from, currency))
                : selfdata.text('record.band.between', selfdata.money(value.from, currency), selfdata.money(value.to, currency));
            return selfdata.text(value.sign < 0 ? 'record.band.out' : 'record.band.in', band);
        }
        return selfdata.money(value, currency);
    }

    function fieldValue(name, value, payload) {
        if (value === null || value === undefined || value === '') {
            return '—';
        }
        if (Array.isArray(value)) {
            return value.length === 0 ? '—' : value.map(item => fieldValue(name, item, payload)).join(', ');
        }
        if (typeof value === 'boolean') {
            return selfdata.text(value ? 'record.yes' : 'record.no');
        }
        if (isArea(value)) {
            return areaWord(value);
        }
        if ((name === 'amount' || name === 'balance') && payload.currency) {
            return amountWord(value, payload.currency);
        }
        if (typeof value === 'object') {
            return Object.entries(value).map(([inner, innerValue]) => selfdata.text('record.pair', fieldName(inner),
                fieldValue(inner, innerValue, value))).join(' · ');
        }
        return valueWord(name, value);
    }

    function rounded(coordinate) {
        return selfdata.number(Math.round(Number(coordinate) * 1000) / 1000, 3);
    }

    /** Where a point or visit was: its coordinate rounded to about a hundred metres, its area, or nowhere said. */
    function placeOf(payload) {
        if (payload.latitude !== undefined && payload.longitude !== undefined) {
            return selfdata.text('record.pointAt', rounded(payload.latitude), rounded(payload.longitude));
        }
        return payload.area ? areaWord(payload.area) : selfdata.text('record.noPlace');
    }

    function trip(payload) {
        const mode = payload.mode ? capitalized(valueWord('mode', payload.mode)) : selfdata.text('record.trip');
        if (payload.start && payload.end) {
            return selfdata.text('record.tripBetween', mode, areaWord(payload.start), areaWord(payload.end));
        }
        if (payload.distanceMeters !== undefined) {
            return selfdata.text('record.tripLength', mode, selfdata.number(payload.distanceMeters / 1000, 1));
        }
        return mode;
    }

    function withDetail(main, detail) {
        return detail ? main + ' · ' + detail : main;
    }

    /** One line saying what a record is about, whether the person's own or as a recipient would receive it. */
    function summary(record) {
        const payload = record.payload;
        switch (record.type) {
        case 'bank.transaction':
            return withDetail(payload.amount === undefined ? selfdata.text('record.noAmount')
                : amountWord(payload.amount, payload.currency), payload.label);
        case 'bank.account':
            return withDetail(selfdata.textOr('record.accountKind.' + payload.kind, selfdata.text('record.account')),
                payload.currency);
        case 'geo.visit':
            return payload.placeName || payload.address || (payload.latitude === undefined && payload.area
                ? areaWord(payload.area) : selfdata.text('record.unnamedPlace'));
        case 'geo.point':
            return withDetail(placeOf(payload), payload.activity ? valueWord('activity', payload.activity) : null);
        case 'geo.trip':
            return trip(payload);
        case 'energy.reading':
            return selfdata.number(payload.value) + ' ' + (payload.quantity === 'POWER' ? 'W' : 'Wh');
        case 'calendar.event':
            return payload.summary || selfdata.text('record.event');
        case 'contact':
            return payload.displayName || selfdata.text('record.contact');
        case 'document':
            return payload.title || selfdata.text('record.document');
        case 'social.message':
            return withDetail(payload.platform || selfdata.text('record.message'), payload.text);
        case 'social.post':
            return withDetail(payload.platform || selfdata.text('record.post'), payload.text);
        default:
            return '—';
        }
    }

    function areasOf(payload) {
        return Object.values(payload).flatMap(value => Array.isArray(value) ? value.filter(isArea)
            : (isArea(value) ? [value] : []));
    }

    /**
     * Why the places of these shared records are less precise than the location precision asked, one sentence per
     * reason, following the gate's rule: selfdata knows communes from an operator's list, and départements and
     * regions in France only; a place outside them gets the next coarser area it knows, never the coordinate.
     */
    function reductions(shown, location) {
        const asked = AREAS.indexOf(location);
        const reasons = new Set();
        for (const record of shown) {
            for (const area of areasOf(record.payload)) {
                if (area.level === 'unknown' && location !== 'none') {
                    reasons.add(selfdata.text('record.reduced.unknown'));
                } else if (asked >= 0 && AREAS.indexOf(area.level) > asked) {
                    const because = area.level === 'country' && area.code !== 'FR' ? 'outsideFrance' : 'notNear';
                    reasons.add(selfdata.text('record.reduced.' + because + '.' + location,
                        areaWord(area), selfdata.text('record.level.' + area.level)));
                }
            }
            if (record.type === 'geo.trip' && location !== 'exact' && record.payload.distanceMeters === undefined) {
                reasons.add(selfdata.text('record.reduced.tripLength'));
            }
        }
        return [...reasons];
    }

    return { fieldName, fieldValue, valueWord, countryName, areaWord, summary, reductions };
})();
