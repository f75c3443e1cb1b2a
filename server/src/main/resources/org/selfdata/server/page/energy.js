'use strict';
// The energy page: consumption per day, week or month, zoomed by dragging across the chart (the finer step is then
// fetched for the range chosen, down to the readings themselves over a month or less), and two periods compared.
const energyPage = (() => {
    const DAY = 24 * 3600;
    const RAW_LONGEST = 31 * DAY;
    const HOURS_LONGEST = 62 * DAY;
    let step = 'day';
    let zoomed = null;
    let curve = null;
    let comparisonChart = null;

    function colour(name) {
        return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    }

    function kilowattHours(value) {
        return selfdata.number(value, 3);
    }

    function inZone(seconds, zone) {
        return new Date(seconds * 1000).toLocaleString(selfdata.language,
            { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    }

    function day(iso, zone) {
        return new Date(iso).toLocaleDateString('en-CA', { timeZone: zone });
    }

    function dayShown(iso, zone) {
        return new Date(iso).toLocaleDateString(selfdata.language, { dateStyle: 'medium', timeZone: zone });
    }

    /** A period's days as a person reads them: from its first day to its last, the end itself being excluded. */
    function days(series) {
        const lastDay = new Date(Date.parse(series.to) - 1).toISOString();
        return dayShown(series.from, series.zone) + ' – ' + dayShown(lastDay, series.zone);
    }

    function describe(series) {
        const period = days(series);
        let most = 0;
        series.values.forEach((value, index) => {
            most = value > series.values[most] ? index : most;
        });
        const mostValue = series.values.length === 0 ? 0 : series.values[most];
        const mostFrom = series.starts.length === 0 ? '—' : inZone(series.starts[most], series.zone);
        return series.step === 'raw'
            ? selfdata.text('energy.rawText', period, kilowattHours(series.kilowattHours), series.values.length,
                kilowattHours(mostValue), mostFrom)
            : selfdata.text('energy.text', period, kilowattHours(series.kilowattHours), series.values.length,
                selfdata.text('energy.step.' + series.step).toLowerCase(), kilowattHours(mostValue), mostFrom);
    }

    function finerStep(seconds) {
        if (seconds <= RAW_LONGEST) {
            return 'raw';
        }
        return seconds <= HOURS_LONGEST ? 'hour' : 'day';
    }

    function draw(series) {
        const target = selfdata.element('energy-chart');
        if (curve !== null) {
            curve.destroy();
        }
        target.dataset.step = series.step;
        target.dataset.points = String(series.values.length);
        const bars = series.step === 'week' || series.step === 'month';
        curve = new uPlot({
            width: Math.max(target.clientWidth, 300), height: 280,
            legend: { show: false },
            tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), series.zone),
            cursor: { drag: { x: true, y: false, setScale: false } },
            axes: [{}, { size: 60, values: (chart, ticks) => ticks.map(tick => selfdata.number(tick)) }],
            series: [{ label: selfdata.text('chart.date') }, {
                label: 'kWh', stroke: colour('--bar'), fill: bars ? colour('--bar') : undefined, width: bars ? 1 : 1.5,
                paths: bars ? uPlot.paths.bars({ size: [0.7, 60], align: 1 }) : undefined, points: { show: false } }],
            hooks: { setSelect: [chart => {
                if (chart.select.width < 4) {
                    return;
                }
                const from = Math.floor(chart.posToVal(chart.select.left, 'x'));
                const to = Math.ceil(chart.posToVal(chart.select.left + chart.select.width, 'x'));
                chart.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
                zoomed = { from: new Date(from * 1000).toISOString(), to: new Date(to * 1000).toISOString(), seconds: to - from };
                load().catch(selfdata.fail);
            }] }
        }, [series.starts, series.values], target);
        selfdata.element('energy-text').textContent = describe(series);
        selfdata.element('energy-range-from').value = day(series.from, series.zone);
        selfdata.element('energy-range-to').value = day(series.to, series.zone);
        selfdata.element('energy-empty').hidden = series.kilowattHours > 0;
    }

    async function load() {
        const section = selfdata.element('energy');
        section.setAttribute('aria-busy', 'true');
        let query = '?step=' + step;
        if (zoomed !== null) {
            query = '?' + new URLSearchParams({ from: zoomed.from, to: zoomed.to, step: finerStep(zoomed.seconds) }).toString();
        }
        draw(await selfdata.api('/api/v1/energy' + query));
        selfdata.element('energy-reset').hidden = zoomed === null;
        section.setAttribute('aria-busy', 'false');
    }

    function choose(chosen) {
        step = chosen;
        zoomed = null;
        document.querySelectorAll('button.step').forEach(button => button.setAttribute('aria-pressed',
            String(button.dataset.step === chosen)));
        return load();
    }

    /** A range typed as days of the person's calendar, for whoever does not drag a mouse. */
    function range(fromDay, toDay) {
        zoomed = { from: fromDay, to: toDay, seconds: (Date.parse(toDay) - Date.parse(fromDay)) / 1000 };
        return load();
    }

    function reset() {
        zoomed = null;
        return load();
    }

    function drawComparison(comparison) {
        const target = selfdata.element('energy-comparison-chart');
        if (comparisonChart !== null) {
            comparisonChart.destroy();
        }
        const length = Math.max(comparison.period.values.length, comparison.against.values.length);
        const x = Array.from({ length }, (unused, index) => index + 1);
        const padded = values => x.map((unused, index) => index < values.length ? values[index] : null);
        const stepName = selfdata.text('energy.step.' + comparison.period.step);
        comparisonChart = new uPlot({
            width: Math.max(target.clientWidth, 300), height: 240,
            legend: { show: false },
            cursor: { drag: { x: false, y: false } },
            scales: { x: { time: false } },
            axes: [{ values: (chart, ticks) => ticks.map(tick => Number.isInteger(tick) ? stepName + ' ' + tick : '') },
                { size: 60, values: (chart, ticks) => ticks.map(tick => selfdata.number(tick)) }],
            series: [{ label: selfdata.text('chart.date') },
                { label: selfdata.text('energy.period'), stroke: colour('--bar'), width: 2 },
                { label: selfdata.text('energy.against'), stroke: colour('--bar-other'), width: 2, dash: [6, 4] }]
        }, [x, padded(comparison.period.values), padded(comparison.against.values)], target);
        selfdata.rows(selfdata.element('energy-totals').tBodies[0], [
            [selfdata.text('energy.period'), comparison.period], [selfdata.text('energy.against'), comparison.against]],
        ([name, series]) => [name, days(series), series.kilowattHours]);
        const change = comparison.changePercent;
        selfdata.element('energy-change').textContent = change === undefined || change === null
            ? selfdata.text('energy.noChange')
            : change === 0 ? selfdata.text('energy.same')
                : selfdata.text(change > 0 ? 'energy.more' : 'energy.less', selfdata.number(Math.abs(change), 1));
        const zone = comparison.period.zone;
        selfdata.element('energy-from').value = day(comparison.period.from, zone);
        selfdata.element('energy-to').value = day(comparison.period.to, zone);
        selfdata.element('energy-against-from').value = day(comparison.against.from, zone);
        selfdata.element('energy-against-to').value = day(comparison.against.to, zone);
        selfdata.element('energy-comparison-step').value = comparison.period.step;
    }

    async function compare(query) {
        drawComparison(await selfdata.api('/api/v1/energy/comparison' + query));
    }

    function chosenComparison() {
        return '?' + new URLSearchParams({
            from: selfdata.element('energy-from').value, to: selfdata.element('energy-to').value,
            againstFrom: selfdata.element('energy-against-from').value,
            againstTo: selfdata.element('energy-against-to').value,
            step: selfdata.element('energy-comparison-step').value }).toString();
    }

    return { load, choose, range, reset, compare, chosenComparison };
})();

// What the electricity cost under each option of the regulated tariff, month by month, the cheapest option for this
// load curve, and what the energy debits leave to pay at the yearly settlement; when the tariff table cannot be read,
// why, with the energy used still shown.
const billPage = (() => {
    function euros(amount) {
        return selfdata.money(amount, 'EUR');
    }

    function optionName(term) {
        return selfdata.text('energy.option.' + term);
    }

    function dayOf(instant, zone) {
        return new Date(instant).toLocaleDateString(selfdata.language, { dateStyle: 'long', timeZone: zone });
    }

    function monthName(month) {
        const [year, number] = month.split('-').map(Number);
        return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(selfdata.language,
            { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }

    function table(bill) {
        const options = bill.priced ? Object.keys(bill.priced.totals) : [];
        const head = selfdata.element('energy-bill-months').tHead.rows[0];
        head.replaceChildren(...[selfdata.text('energy.billMonth'), selfdata.text('energy.billKilowattHours'),
            ...options.map(optionName)].map((text, index) => selfdata.create('th', { scope: 'col', text,
            className: index === 0 ? null : 'number' })));
        selfdata.rows(selfdata.element('energy-bill-months').tBodies[0], bill.months, month => [monthName(month.month),
            selfdata.number(month.kilowattHours, 1), ...options.map(option =>
                month.costs[option] === undefined ? '—' : euros(month.costs[option]))]);
        selfdata.element('energy-bill-months').tBodies[0].querySelectorAll('td:not(:first-child)')
            .forEach(cell => cell.classList.add('number'));
    }

    function settlementText(bill) {
        if (!bill.instalments) {
            return selfdata.text('energy.billNoInstalments');
        }
        const debits = bill.instalments;
        const settlement = bill.priced ? bill.priced.settlement : null;
        if (!settlement) {
            return selfdata.text('energy.billSettlementUnknown', debits.payee, euros(debits.monthly));
        }
        return Number(settlement.balance) >= 0
            ? selfdata.text('energy.billSettlementOwe', debits.payee, euros(debits.monthly), euros(settlement.balance))
            : selfdata.text('energy.billSettlementBack', debits.payee, euros(debits.monthly),
                euros(-Number(settlement.balance)));
    }

    function pricedTexts(bill) {
        const priced = bill.priced;
        selfdata.element('energy-bill-basis').textContent = selfdata.text(
            priced.assumed ? 'energy.billAssumed' : 'energy.billBasis', selfdata.date(priced.appliesFrom), priced.source,
            optionName(priced.option), priced.kva);
        const total = priced.totals[priced.option];
        const used = bill.months.reduce((sum, month) => sum + month.kilowattHours, 0);
        selfdata.element('energy-bill-total').textContent = total === undefined ? '' : selfdata.text('energy.billTotal',
            dayOf(bill.from, bill.zone), dayOf(Date.parse(bill.to) - 1, bill.zone), selfdata.number(used, 0), euros(total),
            optionName(priced.option));
        let cheapest = '';
        if (!bill.split) {
            cheapest = selfdata.text('energy.billOnlyBase', optionName('base'));
        } else if (priced.cheapest && priced.cheapest === priced.option) {
            cheapest = selfdata.text('energy.billCheapestYours', optionName(priced.option));
        } else if (priced.cheapest && total !== undefined) {
            cheapest = selfdata.text('energy.billCheapest', optionName(priced.cheapest), euros(priced.totals[priced.cheapest]),
                euros(Number(total) - Number(priced.totals[priced.cheapest])), optionName(priced.option));
        }
        selfdata.element('energy-bill-cheapest').textContent = cheapest;
        const tempo = selfdata.element('energy-bill-tempo');
        tempo.hidden = priced.totals.tempo === undefined;
        tempo.textContent = tempo.hidden ? '' : selfdata.text('energy.billTempo', priced.tempoDays.blue,
            priced.tempoDays.white, priced.tempoDays.red);
    }

    async function load() {
        const section = selfdata.element('energy-bill');
        section.setAttribute('aria-busy', 'true');
        const bill = await selfdata.api('/api/v1/energy/bill');
        const unpriced = selfdata.element('energy-bill-unpriced');
        unpriced.hidden = bill.priced !== undefined && bill.priced !== null;
        unpriced.textContent = unpriced.hidden ? ''
            : bill.months.length === 0 ? selfdata.text('energy.billNone') : selfdata.text('energy.billUnpriced', bill.unpriced);
        ['energy-bill-basis', 'energy-bill-total', 'energy-bill-cheapest'].forEach(id => {
            selfdata.element(id).textContent = '';
        });
        selfdata.element('energy-bill-tempo').hidden = true;
        if (!unpriced.hidden && bill.months.length === 0) {
            selfdata.element('energy-bill-settlement').textContent = '';
        } else {
            selfdata.element('energy-bill-settlement').textContent = settlementText(bill);
        }
        if (bill.priced) {
            pricedTexts(bill);
        }
        table(bill);
        section.setAttribute('aria-busy', 'false');
    }

    return { load };
})();

selfdata.start(async () => {
    document.querySelectorAll('button.step').forEach(button => button.addEventListener('click',
        () => energyPage.choose(button.dataset.step).catch(selfdata.fail)));
    selfdata.element('energy-reset').addEventListener('click', () => energyPage.reset().catch(selfdata.fail));
    selfdata.element('energy-range').addEventListener('submit', event => {
        event.preventDefault();
        selfdata.element('failure').hidden = true;
        energyPage.range(selfdata.element('energy-range-from').value, selfdata.element('energy-range-to').value)
            .catch(selfdata.fail);
    });
    selfdata.element('energy-comparison-form').addEventListener('submit', event => {
        event.preventDefault();
        selfdata.element('failure').hidden = true;
        energyPage.compare(energyPage.chosenComparison()).catch(selfdata.fail);
    });
    await Promise.all([energyPage.load(), energyPage.compare(''), billPage.load()]);
});
