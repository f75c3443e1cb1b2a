'use strict';
// "Ask them what they hold", on the pages that list organizations holding data about the person (the import page's
// sources, the sharing page's recipients): one click drafts an access request to the organization and takes the
// person to the rights page with the draft open. When the directory lacks the organization, the draft has no address
// yet: the page says so where the button was, and offers the rights page's organization chooser and the draft.
const askWhatTheyHold = (() => {
    /** The page showing the draft, as the rights page opens it from its address. */
    function draftPage(request) {
        return '/rights#request-' + encodeURIComponent(request.id);
    }

    function unknownToTheDirectory(result, request) {
        result.replaceChildren(selfdata.text('ask.notInDirectory', request.organizationName), ' ',
            selfdata.create('a', { className: 'ask-choose', text: selfdata.text('ask.choose'),
                href: '/rights?find=' + encodeURIComponent(request.organizationName) + '#draft' }), ' · ',
            selfdata.create('a', { className: 'ask-draft', href: draftPage(request), text: selfdata.text('ask.openDraft') }));
    }

    async function ask(button, result, whom) {
        button.disabled = true;
        result.classList.remove('error');
        result.textContent = selfdata.text('ask.asking');
        try {
            const request = await selfdata.api('/api/v1/rights/ask', { method: 'POST', json: whom });
            if (request.organizationInDirectory) {
                window.location.assign(draftPage(request));
                return;
            }
            unknownToTheDirectory(result, request);
        } catch (failure) {
            result.textContent = selfdata.text('common.failure', failure.message);
            result.classList.add('error');
        } finally {
            button.disabled = false;
        }
    }

    /**
     * The button for one organization, named for the person, with where its outcome is said; `whom` is what the API
     * takes: `{ source: 12 }` or `{ recipient: 'rcp_…' }`.
     */
    function offer(name, whom) {
        const button = selfdata.create('button', { type: 'button', className: 'secondary ask-what-they-hold',
            text: selfdata.text('ask.button'), 'aria-label': selfdata.text('ask.label', name) });
        const result = selfdata.create('span', { className: 'ask-result', role: 'status' });
        button.addEventListener('click', () => ask(button, result, whom));
        return selfdata.create('span', { className: 'ask' }, [button, ' ', result]);
    }

    return { offer };
})();
