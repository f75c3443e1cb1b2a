'use strict';
// The carbon page: the estimate month by month over whole months, from the electricity read, the trips the location
// points show and, for what those do not cover, spending per euro; every figure with its factor and where it comes from.
const carbonPage = (() => {
    /** To a tenth of a kilogram, as a number, so that tables align it as one. */
    function kilograms(value) {
        return Math.round(value * 10) / 10;
    }

    function monthName(month) {
        const [year, number] = month.split('-').map(Number);
        return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(selfdata.language,
            { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }

    /** A factor as a person reads it: how much per what, and where it comes from. */
    function factor(used) {
        return selfdata.text('carbon.factorText', selfdata.number(used.kilograms, 5),
            selfdata.text('carbon.unit.' + used.unit), used.source, selfdata.day(used.published));
    }

    function percent(share) {
        return selfdata.number(share * 100, 0);
    }

    /** The months' figures of one kind added up by a key, such as the way of travelling or the category. */
    function added(months, list, key) {
        const totals = new Map();
        months.forEach(month => month[list].forEach(item => {
            const total = totals.get(item[key]) || { item, legs: 0, kilometres: 0, recognizedKilometres: 0, euros: 0,
                kilograms: 0 };
            total.legs += item.legs || 0;
            total.kilometres += item.kilometres || 0;
            total.recognizedKilometres += item.recognizedKilometres || 0;
            total.euros += Number(item.euros || 0);
            total.kilograms += item.kilograms;
            totals.set(item[key], total);
        }));
        return [...totals.values()].sort((one, other) => other.kilograms - one.kilograms || other.euros - one.euros);
    }

    function show(estimate) {
        selfdata.element('carbon-from').value = estimate.from;
        selfdata.element('carbon-to').value = estimate.to;
        const uncomputed = selfdata.element('carbon-uncomputed');
        uncomputed.hidden = estimate.uncomputed === undefined;
        uncomputed.textContent = estimate.uncomputed === undefined ? ''
            : selfdata.text('carbon.uncomputed', estimate.uncomputed);
        selfdata.element('carbon-details').hidden = estimate.uncomputed !== undefined;
        selfdata.element('carbon-summary').textContent = estimate.uncomputed !== undefined ? ''
            : selfdata.text('carbon.summary', monthName(estimate.from), monthName(estimate.to),
                selfdata.number(kilograms(estimate.kilograms)));
        const sureness = estimate.sureness;
        selfdata.element('carbon-sureness').textContent = estimate.uncomputed !== undefined ? ''
            : selfdata.text('carbon.sureness.' + sureness.level, percent(sureness.roughShare),
                percent(sureness.recognizedShare));
        selfdata.rows(selfdata.element('carbon-months').querySelector('tbody'), estimate.months, month => [
            monthName(month.month),
            month.electricity ? kilograms(month.electricity.kilograms) : '—',
            kilograms(month.travel.reduce((sum, travel) => sum + travel.kilograms, 0)),
            kilograms(month.roughKilograms),
            kilograms(month.kilograms)]);
        selfdata.rows(selfdata.element('carbon-travel').querySelector('tbody'), added(estimate.months, 'travel', 'mode'),
            total => [selfdata.text('carbon.mode.' + total.item.mode), total.legs, Math.round(total.kilometres * 10) / 10,
                total.kilometres > 0 ? Math.round(total.recognizedKilometres / total.kilometres * 100) : '—',
                kilograms(total.kilograms), factor(total.item.factor)]);
        selfdata.rows(selfdata.element('carbon-spending').querySelector('tbody'),
            added(estimate.months, 'spending', 'category'),
            total => [selfdata.text('carbon.category.' + total.item.category), selfdata.money(total.euros),
                kilograms(total.kilograms), factor(total.item.factor)]);
        const leftOut = added(estimate.months, 'leftOut', 'category');
        selfdata.element('carbon-left-out').replaceChildren(...leftOut.map(total => selfdata.create('li', {
            text: selfdata.text('carbon.leftOut.' + total.item.covered, selfdata.text('carbon.category.' + total.item.category),
                selfdata.money(total.euros)) })));
    }

    async function load(query) {
        const section = selfdata.element('carbon');
        section.setAttribute('aria-busy', 'true');
        show(await selfdata.api('/api/v1/carbon' + query));
        section.setAttribute('aria-busy', 'false');
    }

    function chosen() {
        return '?' + new URLSearchParams({ from: selfdata.element('carbon-from').value,
            to: selfdata.element('carbon-to').value }).toString();
    }

    return { load, chosen };
})();

selfdata.start(async () => {
    selfdata.element('carbon-period').addEventListener('submit', event => {
        event.preventDefault();
        selfdata.element('failure').hidden = true;
        carbonPage.load(carbonPage.chosen()).catch(selfdata.fail);
    });
    await carbonPage.load('');
});
