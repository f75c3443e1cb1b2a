'use strict';
// The places page: a period chosen with quick choices or dates, the map of where the location points fall (H3
// hexagons) with the top places as labelled circles, and the same places and the longest trips in tables. The map
// (map.js) is the one every page showing places shares. Moving or zooming the map fetches only the hexagons in view.
const NEAR_A_PLACE_METRES = 200;
const DAY = 24 * 3600 * 1000;

const state = { from: null, to: null, density: null, periodFetch: 0, densityFetch: 0 };

/** Hexagons fine enough to show shape, coarse enough to stay a few thousand: about 30 pixels across. */
function resolutionFor(zoom) {
    if (zoom <= 8) {
        return 6;
    }
    if (zoom <= 10) {
        return 7;
    }
    return zoom <= 12 ? 8 : 9;
}

function periodQuery() {
    const parameters = new URLSearchParams();
    if (state.from) {
        parameters.set('from', state.from.toISOString());
    }
    if (state.to) {
        parameters.set('to', state.to.toISOString());
    }
    return parameters;
}

function hours(seconds) {
    if (seconds >= 2 * 24 * 3600) {
        return selfdata.text('places.days', Math.round(seconds / (24 * 3600)));
    }
    return seconds >= 3600
        ? selfdata.text('places.hours', selfdata.number(seconds / 3600, 1))
        : selfdata.text('places.minutes', selfdata.number(Math.round(seconds / 60)));
}

function placeLabel(place) {
    return place.name || selfdata.text('places.placeNumber', place.rank);
}

function metres(fromLatitude, fromLongitude, toLatitude, toLongitude) {
    const radians = Math.PI / 180;
    const a = Math.sin((toLatitude - fromLatitude) * radians / 2) ** 2 + Math.cos(fromLatitude * radians)
        * Math.cos(toLatitude * radians) * Math.sin((toLongitude - fromLongitude) * radians / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The top place a trip's end is at, by name, or "elsewhere". */
function nearestPlace(latitude, longitude, places) {
    const near = places.find(place => metres(place.latitude, place.longitude, latitude, longitude) <= NEAR_A_PLACE_METRES);
    return near ? placeLabel(near) : selfdata.text('places.elsewhere');
}

function showTables(summary) {
    selfdata.element('summary').textContent = summary.points === 0 && summary.visits === 0 && summary.tripCount === 0
        ? selfdata.text('places.empty')
        : selfdata.text('places.summary', summary.points, summary.visits,
            summary.placeCount, summary.tripCount);
    selfdata.rows(selfdata.element('top-places').tBodies[0], summary.places, place => [placeLabel(place), place.visits,
        selfdata.create('span', { text: hours(place.seconds), className: 'number' }),
        selfdata.period(place.firstArrival, place.lastDeparture)]);
    selfdata.rows(selfdata.element('trips').tBodies[0], summary.trips, trip => [selfdata.dateTime(trip.start),
        nearestPlace(trip.startLatitude, trip.startLongitude, summary.places),
        nearestPlace(trip.endLatitude, trip.endLongitude, summary.places),
        selfdata.text('places.kilometres', selfdata.number(trip.distanceMeters / 1000, 1)),
        hours((Date.parse(trip.end) - Date.parse(trip.start)) / 1000)]);
}

/** The shared map, with the hexagons under the places. */
function createMap() {
    const map = selfdataMap.create();
    return { map, hexagons: L.layerGroup().addTo(map), places: L.layerGroup().addTo(map) };
}

function drawDensity(view, density) {
    view.hexagons.clearLayers();
    const most = density.cells.reduce((maximum, cell) => Math.max(maximum, cell.points), 1);
    for (const cell of density.cells) {
        const strength = Math.log1p(cell.points) / Math.log1p(most);
        L.polygon(cell.boundary, {
            className: 'hexagon', color: '#1d4e89', weight: 0.5, fillColor: '#1d4e89', fillOpacity: 0.1 + 0.6 * strength,
            interactive: false
        }).addTo(view.hexagons);
    }
}

function drawPlaces(view, places) {
    view.places.clearLayers();
    for (const place of places) {
        selfdataMap.place(view.places, place.latitude, place.longitude, placeLabel(place), place.rank <= 5);
    }
}

/**
 * Shows where most of the period was spent: the densest hexagons holding four fifths of the points, rather than every
 * far-off journey; France when there is nothing.
 */
function frame(view, summary) {
    const total = summary.density.cells.reduce((sum, cell) => sum + cell.points, 0);
    const densest = [];
    let counted = 0;
    for (const cell of summary.density.cells) {
        if (counted >= 0.8 * total) {
            break;
        }
        densest.push(cell);
        counted += cell.points;
    }
    const corners = densest.flatMap(cell => cell.boundary);
    if (corners.length === 0 && summary.places.length > 0) {
        corners.push([summary.places[0].latitude, summary.places[0].longitude]);
    }
    if (corners.length > 0) {
        view.map.fitBounds(L.latLngBounds(corners), { padding: [16, 16], maxZoom: 15 });
    }
}

async function showPeriod(view) {
    const section = selfdata.element('places');
    section.setAttribute('aria-busy', 'true');
    const fetching = ++state.periodFetch;
    state.densityFetch++;
    const parameters = periodQuery();
    parameters.set('resolution', String(resolutionFor(Math.max(view.map.getZoom(), 12))));
    const summary = await selfdata.api('/api/v1/places?' + parameters);
    if (fetching !== state.periodFetch) {
        return;
    }
    state.density = { resolution: summary.density.resolution, bounds: null };
    showTables(summary);
    drawDensity(view, summary.density);
    drawPlaces(view, summary.places);
    frame(view, summary);
    section.setAttribute('aria-busy', 'false');
}

/** After the map moved or zoomed: the hexagons in view, at the resolution for the new zoom. */
async function showDensityInView(view) {
    const resolution = resolutionFor(view.map.getZoom());
    const bounds = view.map.getBounds();
    if (state.density && state.density.resolution === resolution
        && (state.density.bounds === null || state.density.bounds.contains(bounds))) {
        return;
    }
    const fetching = ++state.densityFetch;
    const padded = bounds.pad(0.25);
    const parameters = periodQuery();
    parameters.set('resolution', String(resolution));
    parameters.set('south', String(Math.max(-90, padded.getSouth())));
    parameters.set('west', String(Math.max(-180, padded.getWest())));
    parameters.set('north', String(Math.min(90, padded.getNorth())));
    parameters.set('east', String(Math.min(180, padded.getEast())));
    const density = await selfdata.api('/api/v1/places/density?' + parameters);
    if (fetching !== state.densityFetch) {
        return;
    }
    drawDensity(view, density);
    state.density = { resolution, bounds: padded };
}

function choose(period) {
    const now = new Date();
    state.to = null;
    if (period === 'month') {
        state.from = new Date(now.getTime() - 30 * DAY);
    } else if (period === 'year') {
        state.from = new Date(now.getTime() - 365 * DAY);
    } else {
        state.from = null;
    }
    for (const button of document.querySelectorAll('#period [data-period]')) {
        button.setAttribute('aria-pressed', String(button.dataset.period === period));
    }
    selfdata.element('period-from').value = state.from ? state.from.toISOString().slice(0, 10) : '';
    selfdata.element('period-to').value = '';
}

/** Dates typed in are whole days in the browser's time zone; the end date is included. */
function chooseDates() {
    const from = selfdata.element('period-from').value;
    const to = selfdata.element('period-to').value;
    state.from = from ? new Date(from + 'T00:00:00') : null;
    state.to = to ? new Date(new Date(to + 'T00:00:00').getTime() + DAY) : null;
    for (const button of document.querySelectorAll('#period [data-period]')) {
        button.setAttribute('aria-pressed', 'false');
    }
}

selfdata.start(async () => {
    const view = createMap();
    for (const button of document.querySelectorAll('#period [data-period]')) {
        button.addEventListener('click', () => {
            choose(button.dataset.period);
            showPeriod(view).catch(selfdata.fail);
        });
    }
    selfdata.element('period').addEventListener('submit', event => {
        event.preventDefault();
        chooseDates();
        showPeriod(view).catch(selfdata.fail);
    });
    let waiting = null;
    view.map.on('moveend', () => {
        clearTimeout(waiting);
        waiting = setTimeout(() => showDensityInView(view).catch(selfdata.fail), 250);
    });
    await showPeriod(view);
});
