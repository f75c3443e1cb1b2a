'use strict';
// One change, everywhere, on the rights page: the person names a detail that changed with its old and new values,
// sees the organizations that hold the old one in their vault with what shows it, each ticked, and sends the
// rectification to those they keep ticked; each organization's status is then said in words, with its request.
const rightsChange = (() => {
    const CHANGES = '/api/v1/rights/changes';
    const chosen = { change: null, holders: [] };

    function say(id, words, failed = false) {
        const element = selfdata.element(id);
        element.textContent = words;
        element.classList.toggle('error', failed);
    }

    /** The kinds of records inside a sentence: "Bank transactions" is "bank transactions". */
    function typeNames(types) {
        return types.map(type => selfdata.typeName(type))
            .map(name => name.charAt(0).toLocaleLowerCase(selfdata.language) + name.slice(1)).join(', ');
    }

    /** What shows that an organization holds the value: "3 records from source X (documents)", a request of the person's. */
    function evidenceWords(evidence) {
        if (evidence.kind === 'records') {
            return selfdata.text('rights.change.evidence.records', evidence.records, evidence.sourceName,
                typeNames(evidence.recordTypes));
        }
        return selfdata.text('rights.change.evidence.request', evidence.reference,
            selfdata.text('rights.right.' + evidence.right));
    }

    function holderItem(holder) {
        const id = 'change-holder-' + holder.slug;
        const item = selfdata.create('li', { 'data-organization': holder.slug }, [
            selfdata.create('input', { id, type: 'checkbox', name: 'organization', value: holder.slug, checked: true }),
            ' ', selfdata.create('label', { for: id, text: holder.name }),
            selfdata.create('ul', { className: 'evidence' },
                holder.evidence.map(evidence => selfdata.create('li', { text: evidenceWords(evidence) })))]);
        if (!holder.inDirectory) {
            item.append(selfdata.create('p', { className: 'warning', text: selfdata.text('rights.change.notInDirectory') }));
        }
        return item;
    }

    function showHolders(holders) {
        chosen.holders = holders;
        say('change-summary', selfdata.text('rights.change.found', holders.length));
        selfdata.element('change-holders').replaceChildren(...holders.map(holderItem));
        selfdata.element('change-holders-form').hidden = holders.length === 0;
        selfdata.element('change-deliveries').replaceChildren();
        say('change-result', '');
    }

    async function find() {
        const form = selfdata.element('change-form');
        const change = { detail: form.elements.detail.value, oldValue: form.elements.oldValue.value.trim(),
            newValue: form.elements.newValue.value.trim() };
        if (!change.oldValue || !change.newValue) {
            say('change-summary', selfdata.text('rights.change.missing'), true);
            return;
        }
        chosen.change = change;
        const found = await selfdata.api(CHANGES + '/candidates', { method: 'POST',
            json: { detail: change.detail, oldValue: change.oldValue } });
        showHolders(found.organizations);
    }

    /** An organization's status in words: how its rectification went out, or must, or why it could not. */
    function statusWords(delivery) {
        switch (delivery.status) {
        case 'drafted':
            return selfdata.text('rights.change.status.drafted.' + delivery.channel);
        case 'failed':
        case 'no-address':
            return selfdata.text('rights.change.status.' + delivery.status, delivery.reason || '');
        default:
            return selfdata.text('rights.change.status.' + delivery.status);
        }
    }

    function deliveryItem(delivery) {
        const holder = chosen.holders.find(candidate => candidate.slug === delivery.organization);
        const item = selfdata.create('li', { 'data-organization': delivery.organization, 'data-status': delivery.status }, [
            selfdata.create('strong', { text: holder ? holder.name : delivery.organization }), ' ',
            selfdata.create('span', { className: 'change-status', text: statusWords(delivery) })]);
        if (delivery.request) {
            item.append(' ', selfdata.create('a', { href: '/rights#request-' + encodeURIComponent(delivery.request),
                text: selfdata.text('rights.change.openRequest', delivery.reference) }));
        }
        return item;
    }

    async function send(requestsChanged) {
        const organizations = [...selfdata.element('change-holders').querySelectorAll('input:checked')]
            .map(input => input.value);
        if (organizations.length === 0) {
            say('change-result', selfdata.text('rights.change.noneChosen'), true);
            return;
        }
        const delivered = (await selfdata.api(CHANGES, { method: 'POST', json: { ...chosen.change, organizations } }))
            .organizations;
        selfdata.element('change-deliveries').replaceChildren(...delivered.map(deliveryItem));
        say('change-result', selfdata.text('rights.change.done', delivered.length));
        await requestsChanged();
    }

    function acting(resultId, action) {
        return event => {
            event.preventDefault();
            action().catch(failure => say(resultId, selfdata.text('common.failure', failure.message), true));
        };
    }

    /** Listens to the section's two forms; `requestsChanged` brings the page's list of requests up to date. */
    function listen(requestsChanged) {
        selfdata.element('change-form').addEventListener('submit', acting('change-summary', find));
        selfdata.element('change-holders-form').addEventListener('submit',
            acting('change-result', () => send(requestsChanged)));
    }

    return { listen };
})();
