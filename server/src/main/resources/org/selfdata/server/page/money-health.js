'use strict';
// The care section of the money page: each payment for care with what the national health insurance and the mutual
// insurance paid back for it and what was left, what is still awaited and for how long, and the mutual's premiums
// over a year against what it paid; each figure links to the line it rests on. It follows the period the page's form
// asks for, and starts on its own beside the page's script, which need not know of it.
const moneyHealth = (() => {
    function monthYear(month) {
        const [year, number] = month.split('-').map(Number);
        return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(selfdata.language,
            { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }

    function list(words) {
        return new Intl.ListFormat(selfdata.language, { type: 'conjunction' }).format(words);
    }

    function link(explore, text, title) {
        return selfdata.create('a', { href: explore, text, title });
    }

    function shareCell(share) {
        if (share === undefined) {
            return '—';
        }
        return link(share.explore, selfdata.money(share.amount), share.acts > 1
            ? selfdata.text('money.health.shareSplit', selfdata.day(share.day), selfdata.money(share.creditAmount), share.acts)
            : selfdata.text('money.health.share', selfdata.day(share.day), share.days));
    }

    function status(act, windowDays) {
        const sureness = act.confidence === undefined || act.confidence === 'high' ? ''
            : ' ' + selfdata.text('money.health.confidence.' + act.confidence);
        if (act.status === 'reimbursed') {
            return selfdata.text('money.health.reimbursed') + sureness;
        }
        const waiting = act.waiting;
        if (act.usuallyPaidDirectly && act.status === 'not-yet') {
            return selfdata.text('money.health.direct');
        }
        const whom = list(waiting.from.map(insurer => selfdata.text('money.health.from.' + insurer)));
        if (waiting.givenUp) {
            return selfdata.text('money.health.givenUp', whom, windowDays) + sureness;
        }
        return selfdata.text(waiting.longerThanUsual ? 'money.health.late' : 'money.health.awaiting', whom, waiting.days)
            + sureness;
    }

    function acts(answer) {
        const body = selfdata.element('money-health-acts').tBodies[0];
        selfdata.rows(body, answer.acts, act => [
            link(act.explore, selfdata.day(act.day)),
            act.payee + ' · ' + selfdata.text('money.health.kind.' + act.kind),
            selfdata.money(act.paid), shareCell(act.national), shareCell(act.mutual), selfdata.money(act.remaining),
            status(act, answer.windowDays)]);
        body.querySelectorAll('tr').forEach((row, index) => {
            [2, 3, 4, 5].forEach(column => row.cells[column].classList.add('number'));
            row.classList.toggle('late', answer.acts[index].waiting?.longerThanUsual === true);
        });
    }

    function usual(answer) {
        return answer.usual.map(delay => delay.fromHistory
            ? selfdata.text('money.health.usualOwn', selfdata.text('money.health.insurer.' + delay.insurer), delay.days,
                delay.from)
            : selfdata.text('money.health.usualTypical', selfdata.text('money.health.insurer.' + delay.insurer),
                delay.days)).concat(selfdata.text('money.health.lateRule')).join(' ');
    }

    function premiums(answer) {
        const year = answer.premiums;
        const text = selfdata.element('money-health-premiums-text');
        text.textContent = year.payees.length === 0 && Number(year.reimbursed) === 0
            ? selfdata.text('money.health.premiumsNone', monthYear(year.from), monthYear(year.to))
            : selfdata.text('money.health.premiumsText', monthYear(year.from), monthYear(year.to),
                selfdata.money(year.paid), selfdata.money(year.reimbursed));
        selfdata.element('money-health-premiums').querySelector('ul').replaceChildren(...year.payees.map(premium =>
            selfdata.create('li', {}, [
                selfdata.text('money.health.premium', premium.payee, premium.payments, selfdata.money(premium.typical),
                    selfdata.money(premium.total)),
                selfdata.create('details', {}, [
                    selfdata.create('summary', { text: selfdata.text('money.health.lines', premium.lines.length) }),
                    ...premium.lines.map(line => link(line.explore, selfdata.day(line.day), selfdata.money(line.amount)))])])));
    }

    function unmatched(answer) {
        const block = selfdata.element('money-health-unmatched');
        block.querySelector('ul').replaceChildren(...answer.unmatched.map(credit => selfdata.create('li', {}, [
            link(credit.explore, selfdata.text('money.health.credit', credit.payee, selfdata.money(credit.amount),
                selfdata.day(credit.day)))])));
        block.hidden = answer.unmatched.length === 0;
    }

    async function load(query) {
        const section = selfdata.element('money-health');
        section.setAttribute('aria-busy', 'true');
        const answer = await selfdata.api('/api/v1/money/health' + query);
        selfdata.element('money-health-note').textContent = selfdata.text('money.health.note', monthYear(answer.from),
            monthYear(answer.to));
        const short = selfdata.element('money-health-short');
        const spanned = answer.since
            ? Math.round((Date.parse(answer.asOf + 'T00:00:00Z') - Date.parse(answer.since + 'T00:00:00Z')) / 86400000) : 0;
        short.hidden = answer.enoughHistory;
        short.textContent = answer.enoughHistory ? '' : selfdata.text('money.health.short', spanned, answer.enoughDays);
        selfdata.element('money-health-none').hidden = answer.acts.length > 0;
        selfdata.element('money-health-details').hidden = answer.acts.length === 0;
        const totals = answer.totals;
        selfdata.element('money-health-totals').textContent = selfdata.text('money.health.totals', totals.acts,
            selfdata.money(totals.paid), selfdata.money(totals.national), selfdata.money(totals.mutual),
            selfdata.money(totals.remaining));
        selfdata.element('money-health-waiting').textContent = selfdata.text('money.health.waiting', totals.waiting,
            totals.longerThanUsual, selfdata.day(answer.asOf));
        selfdata.element('money-health-usual').textContent = usual(answer);
        acts(answer);
        unmatched(answer);
        premiums(answer);
        section.setAttribute('aria-busy', 'false');
    }

    function chosenQuery() {
        return '?' + new URLSearchParams({
            from: selfdata.element('money-from').value, to: selfdata.element('money-to').value }).toString();
    }

    document.addEventListener('DOMContentLoaded', () => {
        selfdata.element('money-period').addEventListener('submit', () => load(chosenQuery()).catch(selfdata.fail));
        load('').catch(selfdata.fail);
    });

    return { load };
})();
