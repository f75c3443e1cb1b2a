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
// The person confirms, renames, marks ended or not recurring a flow, or undoes that: each is kept, and the section and
// the forecast are drawn again.
const recurringPage = (() => {
    let changed = () => Promise.resolve();

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

    async function correct(flow, body) {
        await selfdata.api('/api/v1/money/recurring/' + encodeURIComponent(flow.key), { method: 'PUT', json: body });
        await Promise.all([load(), changed()]);
    }

    function button(key, action) {
        const created = selfdata.create('button', { type: 'button', className: 'secondary', text: selfdata.text(key) });
        created.addEventListener('click', () => {
            created.disabled = true;
            action().catch(failure => {
                created.disabled = false;
                selfdata.fail(failure);
            });
        });
        return created;
    }

    /** The small form that names a flow, shown in place of the buttons; a flow named stays ended if it was. */
    function renameForm(flow, buttons) {
        const input = selfdata.create('input', { type: 'text', name: 'name', required: true, maxlength: '80',
            value: flow.yours && flow.yours.name ? flow.yours.name : '' });
        const cancel = selfdata.create('button', { type: 'button', className: 'secondary',
            text: selfdata.text('money.recurringCancel') });
        const form = selfdata.create('form', { className: 'inline rename',
            'aria-label': selfdata.text('money.recurringRenaming', flow.name), hidden: true },
        [selfdata.create('label', {}, [selfdata.text('money.recurringName'), input]),
            selfdata.create('button', { type: 'submit', text: selfdata.text('money.recurringSave') }), cancel]);
        cancel.addEventListener('click', () => {
            form.hidden = true;
            buttons.hidden = false;
        });
        form.addEventListener('submit', event => {
            event.preventDefault();
            const verdict = flow.yours && flow.yours.verdict === 'ended' ? 'ended' : 'confirmed';
            correct(flow, { verdict, name: input.value.trim() }).catch(selfdata.fail);
        });
        return form;
    }

    /** What the person said of the flow, and the buttons to say it; their name is sent again so that it is kept. */
    function corrections(flow) {
        const said = [];
        if (flow.yours) {
            said.push(paragraph(selfdata.text('money.recurringYours.' + flow.yours.verdict), 'yours'));
            if (flow.yours.name) {
                said.push(paragraph(selfdata.text('money.recurringYourName', flow.payee), 'muted'));
            }
        }
        const name = flow.yours && flow.yours.name ? { name: flow.yours.name } : {};
        const verdict = flow.yours ? flow.yours.verdict : null;
        const buttons = selfdata.create('div', { className: 'actions' });
        const form = renameForm(flow, buttons);
        if (verdict !== 'notRecurring') {
            if (verdict !== 'confirmed') {
                buttons.append(button('money.recurringConfirm', () => correct(flow, { verdict: 'confirmed', ...name })));
            }
            const rename = selfdata.create('button', { type: 'button', className: 'secondary',
                text: selfdata.text('money.recurringRename') });
            rename.addEventListener('click', () => {
                buttons.hidden = true;
                form.hidden = false;
                form.querySelector('input').focus();
            });
            buttons.append(rename);
            if (verdict !== 'ended') {
                buttons.append(button('money.recurringEnd', () => correct(flow, { verdict: 'ended', ...name })));
            }
            buttons.append(button('money.recurringNotRecurring', () => correct(flow, { verdict: 'notRecurring' })));
        }
        if (flow.yours) {
            buttons.append(button('money.recurringUndo', () => correct(flow, { verdict: 'undo' })));
        }
        return [...said, buttons, form];
    }

    function flowItem(flow) {
        const money = amount => selfdata.money(amount, flow.currency);
        const parts = [
            paragraph(selfdata.text('money.recurringFlow', flow.name, money(flow.typical),
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
        if (!flow.yours || flow.yours.verdict !== 'confirmed') {
            parts.push(paragraph(selfdata.text('money.recurringConfidence',
                selfdata.text('money.recurringConfidence.' + flow.confidence.level), flow.confidence.onSchedule,
                flow.confidence.expected, flow.toleranceDays), 'muted'));
        }
        parts.push(records(flow.occurrences, money));
        parts.push(...corrections(flow));
        return selfdata.create('li', { className: 'flow ' + flow.status, 'data-key': flow.key }, parts);
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
        fill('money-recurring-dismissed', answer.dismissed, flowItem);
        selfdata.element('money-recurring-none').hidden = !answer.enoughHistory || answer.flows.length > 0;
        section.setAttribute('aria-busy', 'false');
    }

    /** What else to draw again once the person said something of a flow: the forecast. */
    function onChange(action) {
        changed = action;
    }

    return { load, onChange };
})();

// The balance ahead, 30, 60 or 90 days: where it would be, the band it may stray within, where it goes lowest and which
// payments take it there, the payments expected, and how far the same forecast made earlier fell from what came.
const forecastPage = (() => {
    let days = 30;
    let chart = null;

    function colour(name) {
        return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    }

    function names(dues) {
        return new Intl.ListFormat(selfdata.language, { type: 'conjunction' })
            .format([...new Set(dues.map(due => due.payee))]);
    }

    function signed(due, money) {
        return money(due.direction === 'income' ? due.typical : -Number(due.typical));
    }

    function draw(answer) {
        const target = selfdata.element('money-forecast-chart');
        if (chart !== null) {
            chart.destroy();
            chart = null;
        }
        if (answer.days.length === 0 || typeof uPlot === 'undefined') {
            return;
        }
        const x = answer.days.map(day => Date.parse(day.day + 'T12:00:00Z') / 1000);
        chart = new uPlot({
            width: Math.max(target.clientWidth, 300), height: 220,
            legend: { show: false },
            axes: [{}, { size: 70, values: (plot, ticks) => ticks.map(tick => selfdata.number(tick)) }],
            series: [{ label: selfdata.text('chart.date') },
                { label: selfdata.text('money.forecast'), stroke: colour('--accent'), width: 2 },
                { stroke: colour('--bar-other'), dash: [4, 4] },
                { stroke: colour('--bar-other'), dash: [4, 4] }]
        }, [x, answer.days.map(day => Number(day.expected)), answer.days.map(day => Number(day.low)),
            answer.days.map(day => Number(day.high))], target);
    }

    function lowestText(low, money) {
        if (low.payments.length > 0 && low.relief) {
            return selfdata.text('money.forecastLowestWhy', selfdata.day(low.from), selfdata.day(low.to),
                money(low.balance), money(low.bandLow), names(low.payments), low.relief.payee, selfdata.day(low.relief.day));
        }
        return selfdata.text('money.forecastLowest', selfdata.day(low.from), selfdata.day(low.to), money(low.balance),
            money(low.bandLow));
    }

    function show(answer) {
        const money = amount => selfdata.money(amount, answer.currency);
        const short = selfdata.element('money-forecast-short');
        short.hidden = answer.enoughHistory;
        short.textContent = answer.enoughHistory ? '' : selfdata.text('money.forecastShort', answer.enoughDays);
        selfdata.element('money-forecast-details').hidden = !answer.enoughHistory;
        draw(answer);
        if (!answer.enoughHistory) {
            return;
        }
        selfdata.element('money-forecast-basis').textContent = answer.fromStatement
            ? selfdata.text('money.forecastFromStatement', selfdata.day(answer.asOf), money(answer.opening),
                money(answer.trend.perDay))
            : selfdata.text('money.forecastRunning', selfdata.day(answer.asOf), money(answer.trend.perDay));
        const last = answer.days.at(-1);
        selfdata.element('money-forecast-end').textContent = selfdata.text('money.forecastEnd', selfdata.day(last.day),
            money(last.expected), money(last.low), money(last.high));
        selfdata.element('money-forecast-lowest').textContent = answer.lowest ? lowestText(answer.lowest, money) : '';
        const dues = selfdata.element('money-forecast-dues');
        dues.querySelector('summary').textContent = selfdata.text('money.forecastDues', answer.dues.length);
        dues.querySelector('ul').replaceChildren(...answer.dues.map(due => selfdata.create('li', {
            text: selfdata.text(due.late ? 'money.forecastDueLate' : 'money.forecastDue', selfdata.day(due.day), due.payee,
                signed(due, money)) })));
        const backtest = answer.backtest;
        selfdata.element('money-forecast-backtest').textContent = backtest.checks === 0
            ? selfdata.text('money.forecastNoBacktest')
            : selfdata.text('money.forecastBacktest', backtest.checks, answer.horizon, money(backtest.meanAbsoluteError),
                money(backtest.meanAbsoluteErrorUnchanged), selfdata.number(backtest.withinBand * 100, 0));
    }

    async function load(chosen = days) {
        days = chosen;
        document.querySelectorAll('#money-forecast button.horizon').forEach(button =>
            button.setAttribute('aria-pressed', String(Number(button.dataset.days) === days)));
        const section = selfdata.element('money-forecast');
        section.setAttribute('aria-busy', 'true');
        show(await selfdata.api('/api/v1/money/forecast?days=' + days));
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
    document.querySelectorAll('#money-forecast button.horizon').forEach(button => button.addEventListener('click',
        () => forecastPage.load(Number(button.dataset.days)).catch(selfdata.fail)));
    recurringPage.onChange(() => forecastPage.load());
    await Promise.all([moneyPage.load(''), recurringPage.load(), forecastPage.load()]);
});
