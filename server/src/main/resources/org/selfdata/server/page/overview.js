'use strict';
// The overview: what the vault holds per source and per kind, the latest imports, who receives data now, and the
// latest flows on the log, and the person's requests to organizations that are overdue or due soon.
const RECENT = 8;
const DUE_SOON_DAYS = 14;

function describeFlow(entry, recipients) {
    const who = entry.actor.kind === 'recipient'
        ? (recipients.get(entry.actor.id) || entry.actor.id)
        : selfdata.textOr('actor.' + entry.actor.kind, entry.actor.kind);
    const what = entry.types.map(selfdata.typeName).join(', ');
    return selfdata.dateTime(entry.recordedAt) + ' · ' + who + ' · ' + selfdata.textOr('action.' + entry.action, entry.action)
        + (what ? ' · ' + what : '') + ' · ' + selfdata.number(entry.count);
}

/** The period records cover; "undated" where there are records but none of them has a time, such as contacts. */
function covered(totals) {
    return totals.records > 0 && !totals.firstStart ? selfdata.text('common.undated')
        : selfdata.period(totals.firstStart, totals.lastEnd);
}

function list(id, lines, empty) {
    const items = lines.length === 0 ? [empty] : lines;
    selfdata.element(id).replaceChildren(...items.map(line => selfdata.create('li', { text: line })));
}

/** The requests that need the person's eye, overdue first as the API orders them, each leading to its timeline. */
function showRights(requests) {
    const pressing = requests.filter(request => request.deadline
        && (request.deadline.overdue || request.deadline.daysLeft <= DUE_SOON_DAYS));
    const items = pressing.map(request => {
        const deadline = request.deadline;
        const words = deadline.overdue
            ? selfdata.text('overview.rightsOverdue', request.organizationName, request.reference, -deadline.daysLeft)
            : selfdata.text('overview.rightsDue', request.organizationName, request.reference, selfdata.day(deadline.date),
                deadline.daysLeft);
        return selfdata.create('li', { className: deadline.overdue ? 'error' : null }, [selfdata.create('a', {
            href: '/rights?request=' + encodeURIComponent(request.id), text: words })]);
    });
    if (items.length === 0) {
        items.push(selfdata.create('li', { text: selfdata.text('overview.rightsCalm', requests.length, DUE_SOON_DAYS) }));
    }
    selfdata.element('rights-due').replaceChildren(...items);
}

selfdata.start(async () => {
    const [status, batches, grants, recipients, head, rights] = await Promise.all([
        selfdata.api('/api/v1/status'), selfdata.api('/api/v1/batches?latest=' + RECENT), selfdata.api('/api/v1/grants'),
        selfdata.api('/api/v1/recipients'), selfdata.api('/api/v1/log/head'), selfdata.api('/api/v1/rights/requests')]);
    selfdata.element('summary').textContent = status.records === 0
        ? selfdata.text('overview.empty')
        : selfdata.text('overview.summary', status.records, status.sources.length, status.batches);
    selfdata.rows(selfdata.element('sources').tBodies[0], status.sources,
        source => [source.organizationName + ' · ' + source.labelName, source.records, covered(source)]);
    selfdata.rows(selfdata.element('types').tBodies[0], status.types,
        type => [selfdata.typeName(type.type), type.records, covered(type)]);
    list('imports', batches.batches.slice(-RECENT).reverse().map(batch => selfdata.text('overview.import',
        batch.fileName, selfdata.number(batch.added), selfdata.number(batch.duplicates), selfdata.number(batch.rejected))),
        selfdata.text('common.none'));
    const names = new Map(recipients.recipients.map(recipient => [recipient.id, recipient.name]));
    list('grants', grants.grants.filter(grant => grant.status === 'given').map(grant => selfdata.text('overview.grant',
        names.get(grant.terms.recipient) || grant.terms.recipient, grant.terms.purposeDescription,
        selfdata.date(grant.terms.validUntil))), selfdata.text('overview.noGrants'));
    showRights(rights.requests);
    const after = Math.max(-1, head.treeSize - RECENT - 1);
    const log = await selfdata.api('/api/v1/log?limit=' + RECENT + '&after=' + after);
    list('flows', log.entries.reverse().map(entry => describeFlow(entry, names)), selfdata.text('common.none'));
    selfdata.element('overview').setAttribute('aria-busy', 'false');
});
