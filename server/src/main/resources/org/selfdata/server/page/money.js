'use strict';
// The money page: spending and income per month as bars with their table, spending per category with its share,
// the payees the most went to, and the balance day by day, for a period of whole months and one currency at a time;
// and, over all the lines held, the payments and income that come back, each figure said in words with its lines.
const moneyPage = (() => {
    let summary = null;
    const charts = [];

    function colour(name) {
        return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    }

    function monthName(month) {
        const [year, number] = month.split('-').map(Number);
        return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(selfdata.language,
            { month: 'short', year: 'numeric', timeZone: 'UTC' });
    }

    function categoryName(category) {
        return category.fromBank ? category.name : selfdata.textOr('money.category.' + category.name, category.name);
    }

    function sum(values) {
        return values.reduce((total, value) => total + Number(value), 0);
    }

    function clearCharts() {
        charts.splice(0).forEach(chart => chart.destroy());
    }

    function monthsChart(currency) {
        const target = selfdata.element('money-months-chart');
        const x = currency.months.map((month, index) => index);
        const bars = align => uPlot.paths.bars({ size: [0.35, 40], align });
        charts.push(new uPlot({
            width: Math.max(target.clientWidth, 300), height: 260,
            legend: { show: false },
            cursor: { drag: { x: false, y: false } },
            scales: { x: { time: false, range: [-0.6, x.length - 0.4] }, y: { range: (chart, min, max) => [0, max * 1.1] } },
            axes: [
                { values: (chart, ticks) => ticks.map(tick => Number.isInteger(tick) && currency.months[tick]
                    ? monthName(currency.months[tick].month) : '') },
                { size: 70, values: (chart, ticks) => ticks.map(tick => selfdata.number(tick)) }],
            series: [{ label: selfdata.text('chart.date') },
                { label: selfdata.text('money.spending'), fill: colour('--bar-other'), stroke: colour('--bar-other'),
                    paths: bars(-1), points: { show: false } },
                { label: selfdata.text('money.income'), fill: colour('--bar'), stroke: colour('--bar'),
                    paths: bars(1), points: { show: false } }]
        }, [x, currency.months.map(month => Number(month.spending)), currency.months.map(month => Number(month.income))],
        target));
    }

    function balanceChart(currency) {
        const target = selfdata.element('money-balance-chart');
        const days = currency.balance.days;
        charts.push(new uPlot({
            width: Math.max(target.clientWidth, 300), height: 220,
            legend: { show: false },
            axes: [{}, { size: 70, values: (chart, ticks) => ticks.map(tick => selfdata.number(tick)) }],
            series: [{ label: selfdata.text('chart.date') }, { label: selfdata.text('money.balance'), stroke: colour('--accent'), width: 2 }]
        }, [days.map(day => Date.parse(day.day + 'T12:00:00Z') / 1000), days.map(day => Number(day.balance))], target));
    }

    function monthsTable(currency) {
        const money = amount => selfdata.money(amount, currency.currency);
        selfdata.rows(selfdata.element('money-months').tBodies[0], currency.months,
            month => [monthName(month.month), money(month.spending), money(month.income)]);
        selfdata.element('money-total-spending').textContent = money(sum(currency.months.map(month => month.spending)));
        selfdata.element('money-total-income').textContent = money(sum(currency.months.map(month => month.income)));
        selfdata.element('money-months').tBodies[0].querySelectorAll('td:not(:first-child)')
            .forEach(cell => cell.classList.add('number'));
    }

    function categoriesTable(currency) {
        const money = amount => selfdata.money(amount, currency.currency);
        const spending = sum(currency.categories.map(category => category.spending));
        selfdata.rows(selfdata.element('money-categories').tBodies[0], currency.categories, category => {
            const share = spending === 0 ? 0 : Number(category.spending) / spending * 100;
            const bar = selfdata.create('span', { className: 'bar', 'aria-hidden': 'true' });
            bar.style.width = (share * 0.8).toFixed(1) + '%';
            const cell = selfdata.create('span', { className: 'share' },
                [bar, selfdata.number(share, 1) + ' %']);
            return [categoryName(category), money(category.spending), cell, money(category.income)];
        });
        const body = selfdata.element('money-categories').tBodies[0];
        body.querySelectorAll('tr').forEach(row => {
            row.cells[1].classList.add('number');
            row.cells[2].classList.add('share');
            row.cells[3].classList.add('number');
        });
        selfdata.element('money-categories-spending').textContent = money(spending);
        selfdata.element('money-categories-income').textContent =
            money(sum(currency.categories.map(category => category.income)));
    }

    function payeesTable(currency) {
        selfdata.rows(selfdata.element('money-payees').tBodies[0], currency.payees,
            payee => [payee.name, selfdata.money(payee.spending, currency.currency), payee.lines]);
        selfdata.element('money-payees').tBodies[0].querySelectorAll('td:nth-child(2)')
            .forEach(cell => cell.classList.add('number'));
    }

    function balanceText(currency) {
        const days = currency.balance.days;
        selfdata.element('money-balance-basis').textContent = selfdata.text(currency.balance.fromStatement
            ? 'money.balanceFromStatement' : 'money.balanceRunning');
        if (days.length === 0) {
            selfdata.element('money-balance-text').textContent = '';
            return;
        }
        const lowest = days.reduce((low, day) => Number(day.balance) < Number(low.balance) ? day : low);
        const highest = days.reduce((high, day) => Number(day.balance) > Number(high.balance) ? day : high);
        const money = amount => selfdata.money(amount, currency.currency);
        selfdata.element('money-balance-text').textContent = selfdata.text('money.balanceText',
            selfdata.date(days.at(-1).day), money(days.at(-1).balance), money(lowest.balance), selfdata.date(lowest.day),
            money(highest.balance), selfdata.date(highest.day));
    }

    function show() {
        clearCharts();
        const chosen = selfdata.element('money-currency').value;
        const currency = summary.currencies.find(each => each.currency === chosen);
        selfdata.element('money-empty').hidden = currency !== undefined;
        selfdata.element('money-details').hidden = currency === undefined;
        selfdata.element('money-summary').textContent = selfdata.text('money.summary',
            monthName(summary.from) + ' – ' + monthName(summary.to), summary.accounts.length);
        if (currency === undefined) {
            return;
        }
        monthsTable(currency);
        categoriesTable(currency);
        payeesTable(currency);
        balanceText(currency);
        monthsChart(currency);
        balanceChart(currency);
        selfdata.element('money-transfers').textContent = currency.ownTransfers.lines === 0
            ? selfdata.text('money.noOwnTransfers')
            : selfdata.text('money.ownTransfers', currency.ownTransfers.lines);
    }

    function fillChoices() {
        const account = selfdata.element('money-account');
        const chosenAccount = account.value;
        account.replaceChildren(account.options[0],
            ...summary.accounts.map(number => selfdata.create('option', { value: number, text: '••' + number.slice(-4) })));
        account.value = summary.accounts.includes(chosenAccount) ? chosenAccount : '';
        const currency = selfdata.element('money-currency');
        const chosenCurrency = currency.value;
        currency.replaceChildren(...summary.currencies.map(each => selfdata.create('option', { value: each.currency,
            text: selfdata.text('money.currencyAccounts', each.currency,
                each.accounts.map(number => '••' + number.slice(-4)).join(', ')) })));
        if (summary.currencies.some(each => each.currency === chosenCurrency)) {
            currency.value = chosenCurrency;
        }
        selfdata.element('money-currency-label').hidden = summary.currencies.length < 2;
        selfdata.element('money-from').value = summary.from;
        selfdata.element('money-to').value = summary.to;
    }

    async function load(query) {
        const section = selfdata.element('money');
        section.setAttribute('aria-busy', 'true');
        summary = await selfdata.api('/api/v1/money' + query);
        fillChoices();
        show();
        section.setAttribute('aria-busy', 'false');
    }

    function chosenQuery() {
        const parameters = new URLSearchParams({
            from: selfdata.element('money-from').value, to: selfdata.element('money-to').value });
        const account = selfdata.element('money-account').value;
        if (account) {
            parameters.set('account', account);
        }
        return '?' + parameters.toString();
    }

    return { load, show, chosenQuery };
})();

// The recurring payments and income: each flow in sentences (its amount, its next date, its price changes, how sure it
// is) with links to the bank lines it rests on; too short a history is said, and a pair of lines is only "too early".
const recurringPage = (() => {
    function paragraph(text, className) {
        return selfdata.create('p', { text, className });
    }

    function monthYear(day) {
        return new Date(day + 'T00:00:00Z').toLocaleDateString(selfdata.language,
            { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }

    function monthNames(numbers) {
        const names = numbers.map(number => new Date(Date.UTC(2000, number - 1, 1)).toLocaleDateString(selfdata.language,
            { month: 'long', timeZone: 'UTC' }));
        return new Intl.ListFormat(selfdata.language, { type: 'conjunction' }).format(names);
    }

    function amountText(flow, money) {
        const count = flow.recent;
        return Number(flow.lowest) === Number(flow.highest)
            ? selfdata.text('money.recurringSame', count, money(flow.typical))
            : selfdata.text('money.recurringRange', money(flow.typical), count, money(flow.lowest), money(flow.highest));
    }

    function dateText(flow) {
        const key = { expected: 'money.recurringNext', late: 'money.recurringLate' }[flow.status];
        return key
            ? selfdata.text(key, selfdata.day(flow.next), selfdata.day(flow.last))
            : selfdata.text('money.recurringEndedSince', selfdata.day(flow.last), selfdata.day(flow.next));
    }

    function records(occurrences, money) {
        const links = occurrences.map(occurrence => selfdata.create('a', { href: occurrence.explore,
            title: money(occurrence.amount), text: selfdata.day(occurrence.day) }));
        return selfdata.create('details', {}, [
            selfdata.create('summary', { text: selfdata.text('money.recurringRecords', occurrences.length) }), ...links]);
    }

    function flowItem(flow) {
        const money = amount => selfdata.money(amount, flow.currency);
        const parts = [
            paragraph(selfdata.text('money.recurringFlow', flow.payee, money(flow.typical),
                selfdata.text('money.recurringPeriod.' + flow.period)), 'flow-title'),
            paragraph(amountText(flow, money)),
            paragraph(dateText(flow))];
        if (flow.pausedMonths.length > 0) {
            parts.push(paragraph(selfdata.text('money.recurringPaused', monthNames(flow.pausedMonths))));
        }
        flow.priceChanges.forEach(change => parts.push(selfdata.create('p', {}, [
            selfdata.create('a', { href: change.explore,
                text: selfdata.text('money.recurringChange', money(change.before), money(change.after),
                    monthYear(change.from)) })])));
        parts.push(paragraph(selfdata.text('money.recurringConfidence',
            selfdata.text('money.recurringConfidence.' + flow.confidence.level), flow.confidence.onSchedule,
            flow.confidence.expected, flow.toleranceDays), 'muted'));
        parts.push(records(flow.occurrences, money));
        return selfdata.create('li', { className: 'flow ' + flow.status }, parts);
    }

    function unsureItem(unsure) {
        const money = amount => selfdata.money(amount, unsure.currency);
        const [first, second] = unsure.occurrences;
        return selfdata.create('li', {}, [
            paragraph(selfdata.text('money.recurringUnsureFlow', unsure.payee, selfdata.day(first.day),
                selfdata.day(second.day), selfdata.text('money.recurringPeriod.' + unsure.period))),
            records(unsure.occurrences, money)]);
    }

    function fill(id, items, item) {
        const block = selfdata.element(id);
        block.querySelector('ul').replaceChildren(...items.map(item));
        block.hidden = items.length === 0;
    }

    async function load() {
        const section = selfdata.element('money-recurring');
        section.setAttribute('aria-busy', 'true');
        const answer = await selfdata.api('/api/v1/money/recurring');
        selfdata.element('money-recurring-note').textContent = selfdata.text('money.recurringNote', selfdata.day(answer.asOf));
        const short = selfdata.element('money-recurring-short');
        short.hidden = answer.enoughHistory;
        const spanned = answer.since
            ? Math.round((Date.parse(answer.asOf + 'T00:00:00Z') - Date.parse(answer.since + 'T00:00:00Z')) / 86400000) : 0;
        short.textContent = answer.enoughHistory ? '' : selfdata.text('money.recurringShort', spanned, answer.enoughDays);
        const going = answer.flows.filter(flow => flow.status !== 'ended');
        fill('money-recurring-spending', going.filter(flow => flow.direction === 'spending'), flowItem);
        fill('money-recurring-income', going.filter(flow => flow.direction === 'income'), flowItem);
        fill('money-recurring-ended', answer.flows.filter(flow => flow.status === 'ended'), flowItem);
        fill('money-recurring-unsure', answer.unsure, unsureItem);
        selfdata.element('money-recurring-none').hidden = !answer.enoughHistory || answer.flows.length > 0;
        section.setAttribute('aria-busy', 'false');
    }

    return { load };
})();

selfdata.start(async () => {
    selfdata.element('money-period').addEventListener('submit', event => {
        event.preventDefault();
        selfdata.element('failure').hidden = true;
        moneyPage.load(moneyPage.chosenQuery()).catch(selfdata.fail);
    });
    selfdata.element('money-currency').addEventListener('change', () => moneyPage.show());
    await Promise.all([moneyPage.load(''), recurringPage.load()]);
});
