'use strict';
// The auditors of the log on the activity page: who the person named, until when, when each last checked, a form to
// name another, whose token is shown once, and a button to end each at once.
const activityAuditors = (() => {
    const PATH = '/api/v1/log/auditors';

    function say(words, failed = false) {
        const result = selfdata.element('auditors-result');
        result.textContent = words;
        result.classList.toggle('error', failed);
    }

    function line(auditor) {
        const expired = new Date(auditor.expiresAt) <= new Date();
        const when = [expired ? selfdata.text('activity.auditors.expired', selfdata.date(auditor.expiresAt))
            : selfdata.text('activity.auditors.until', selfdata.date(auditor.expiresAt)),
        auditor.lastUsedAt === undefined ? selfdata.text('activity.auditors.neverUsed')
            : selfdata.text('activity.auditors.used', selfdata.dateTime(auditor.lastUsedAt))].join(' · ');
        const end = selfdata.create('button', { type: 'button', className: 'secondary',
            text: selfdata.text('activity.auditors.end') });
        end.addEventListener('click', () => endAuditor(auditor).catch(failure =>
            say(selfdata.text('common.failure', failure.message), true)));
        return selfdata.create('li', { 'data-auditor': auditor.id }, [
            selfdata.create('strong', { text: auditor.name }), ' ',
            selfdata.create('span', { className: 'muted', text: when }), ' ', end]);
    }

    async function load() {
        const auditors = (await selfdata.api(PATH)).auditors;
        const list = selfdata.element('auditors-list');
        list.replaceChildren(...(auditors.length === 0
            ? [selfdata.create('li', { className: 'muted', text: selfdata.text('activity.auditors.none') })]
            : auditors.map(line)));
    }

    async function endAuditor(auditor) {
        await selfdata.api(PATH + '/' + encodeURIComponent(auditor.id), { method: 'DELETE' });
        selfdata.element('auditor-token').hidden = true;
        say(selfdata.text('activity.auditors.ended', auditor.name));
        await load();
    }

    async function name(event) {
        event.preventDefault();
        const form = selfdata.element('auditor-form');
        const named = await selfdata.api(PATH, { method: 'POST', json: {
            name: selfdata.element('auditor-name').value, days: Number(selfdata.element('auditor-days').value) } });
        selfdata.element('auditor-token-value').textContent = named.token;
        selfdata.element('auditor-token').hidden = false;
        say(selfdata.text('activity.auditors.named', named.auditor.name, selfdata.date(named.auditor.expiresAt)));
        form.reset();
        await load();
    }

    function start() {
        selfdata.element('auditor-form').addEventListener('submit', event => name(event).catch(failure =>
            say(selfdata.text('common.failure', failure.message), true)));
        return load();
    }

    return { start };
})();
