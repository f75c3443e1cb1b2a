'use strict';
// What a recipient could work out about the person, in words: before a grant, side by side for the terms asked and
// the terms the declaration justifies (`revealGrants.columns`); once given, for each grant in force, from what its
// recipient has received so far (`revealGrants.fill`). Self-contained: it needs only selfdata.js and the words shared
// by every page, so that any page can show it. Every value is written as text, never as markup.
const revealGrants = (() => {
    /** A precision in words: `h3:7` as a cell of resolution 7, `region` as regions. */
    function precisionWord(dimension, value) {
        const words = selfdata.textOr('terms.' + dimension + '.' + value.replaceAll(':', '-'), null);
        if (words !== null) {
            return words;
        }
        return value.startsWith('h3:') ? selfdata.text('terms.location.h3', value.substring(3)) : value;
    }

    function precisionLine(precision) {
        return ['location', 'time'].map(dimension => selfdata.text('terms.dimension.' + dimension + 'Is',
            precisionWord(dimension, precision[dimension]))).join(', ');
    }

    function sentences(titleKey, said, className) {
        const items = said.length > 0 ? said.map(sentence => selfdata.create('li', { text: sentence }))
            : [selfdata.create('li', { className: 'muted', text: selfdata.text('revealGrants.nothing') })];
        return selfdata.create('div', { className }, [
            selfdata.create('p', { text: selfdata.text(titleKey) }),
            selfdata.create('ul', {}, items)]);
    }

    /** What could and could not be found, as two lists. */
    function findings(revealed) {
        return [sentences('revealGrants.finds', revealed.finds, 'reveal-finds'),
            sentences('revealGrants.cannotFind', revealed.cannotFind, 'reveal-cannot-find')];
    }

    function columnTitle(column) {
        if (column.for.length === 2) {
            return selfdata.text('revealGrants.column.both');
        }
        return selfdata.text('revealGrants.column.' + column.for[0]);
    }

    /** One column: which terms it is for, at which precision, and what they would let the recipient find. */
    function column(revealed) {
        const lines = [selfdata.create('h4', { text: columnTitle(revealed) }),
            selfdata.create('p', { className: 'muted', text: precisionLine(revealed.precision) })];
        if (revealed.standIn) {
            lines.push(selfdata.create('p', { className: 'muted', text: selfdata.text('revealGrants.column.standIn') }));
        }
        return selfdata.create('article', { className: 'reveal-column', 'data-for': revealed.for.join(' ') },
            [...lines, ...findings(revealed)]);
    }

    /** The columns of an offer's or a preview's `reveals`, side by side, one when the terms are the same. */
    function columns(reveals) {
        return selfdata.create('div', { className: 'reveal-columns side-by-side' }, reveals.columns.map(column));
    }

    /** What one grant's recipient can work out from what it has received so far. */
    function grant(revealed) {
        return selfdata.create('article', { className: 'reveal-grant', 'data-grant': revealed.grant }, [
            selfdata.create('h4', { text: selfdata.text('revealGrants.title', revealed.recipient.name) }),
            selfdata.create('p', { className: 'muted', text: [revealed.purposeLabel, precisionLine(revealed.precision),
                selfdata.text('revealGrants.received', revealed.reads, revealed.received)].join(' · ') }),
            ...findings(revealed)]);
    }

    /** Every grant in force, as `GET /api/v1/reveal/grants` tells it. */
    async function load() {
        return (await selfdata.api('/api/v1/reveal/grants')).grants;
    }

    /** Fills an element with what each grant's recipient can work out, or says that no grant is in force. */
    async function fill(element) {
        element.setAttribute('aria-busy', 'true');
        const grants = await load();
        element.replaceChildren(...(grants.length === 0
            ? [selfdata.create('p', { className: 'muted', text: selfdata.text('revealGrants.none') })]
            : grants.map(grant)));
        element.setAttribute('aria-busy', 'false');
    }

    return { columns, grant, load, fill };
})();
