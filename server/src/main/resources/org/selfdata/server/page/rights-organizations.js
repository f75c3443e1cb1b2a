'use strict';
// The person's own organizations on the rights page: under the organization chosen in the guided form, a disclosure to
// correct it (the person's version then used in place of the directory's, marked as theirs, with a way back to the
// directory's entry), or to add an organization the directory lacks. Each change is sent to the API, which checks every
// field, and the choice is made again with the organization as it now stands, so that its channels follow.
const rightsOrganizations = (() => {
    const ORGANIZATIONS = '/api/v1/rights/organizations';
    const EDITED = ['name', 'postalAddress', 'email', 'webForm', 'fax', 'siren'];
    const KEPT = ['phone', 'web', 'requestLanguage'];
    const MAXIMUM_SLUG_LENGTH = 100;
    const MAXIMUM_ATTEMPTS = 20;
    const edit = { organization: null, choose: null };

    function path(slug) {
        return ORGANIZATIONS + '/' + encodeURIComponent(slug);
    }

    function say(words, failed = false) {
        const result = selfdata.element('organization-edit-result');
        result.textContent = words;
        result.classList.toggle('error', failed);
        result.classList.toggle('good', !failed && words !== '');
    }

    /** A slug for a new organization from its name: its words without accents, joined by hyphens. */
    function slugOf(name) {
        return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '').slice(0, MAXIMUM_SLUG_LENGTH).replace(/-+$/, '') || 'organization';
    }

    /**
     * Adds the organization under a slug made from its name, or the same with a number when an organization has it:
     * asked with If-None-Match, the API refuses a slug taken rather than correct an entry of the directory by chance.
     */
    async function add(organization) {
        const wanted = slugOf(organization.name || '');
        for (let number = 1; ; number++) {
            const slug = number === 1 ? wanted : wanted.slice(0, MAXIMUM_SLUG_LENGTH - 4) + '-' + number;
            try {
                return await selfdata.api(path(slug), { method: 'PUT', json: organization,
                    headers: { 'If-None-Match': '*' } });
            } catch (failure) {
                if (failure.status !== 409 || number === MAXIMUM_ATTEMPTS) {
                    throw failure;
                }
            }
        }
    }

    /** Shows the form for the organization to correct, or empty for one to add. */
    function show(organization) {
        edit.organization = organization;
        const form = selfdata.element('organization-edit-form');
        for (const field of EDITED) {
            form.elements[field].value = organization && organization[field] || '';
        }
        selfdata.element('organization-edit-summary').textContent = selfdata.text(organization
            ? 'rights.organization.edit.correct' : 'rights.organization.edit.add');
        selfdata.element('organization-edit-new').hidden = !organization;
        const yours = Boolean(organization && organization.origin === 'person');
        selfdata.element('organization-edit-yours').hidden = !yours;
        selfdata.element('organization-edit-restore').textContent = selfdata.text(yours && !organization.inDirectory
            ? 'rights.organization.edit.remove' : 'rights.organization.edit.restore');
    }

    /** The body of the PUT: what the form says, and what the organization had that the form does not show. */
    function body() {
        const form = selfdata.element('organization-edit-form');
        const organization = {};
        for (const field of KEPT) {
            if (edit.organization && edit.organization[field]) {
                organization[field] = edit.organization[field];
            }
        }
        for (const field of EDITED) {
            const value = form.elements[field].value.trim();
            if (value) {
                organization[field] = value;
            }
        }
        return organization;
    }

    async function save(event) {
        event.preventDefault();
        const organization = body();
        const adding = !edit.organization;
        const saved = adding ? await add(organization)
            : await selfdata.api(path(edit.organization.slug), { method: 'PUT', json: organization });
        await edit.choose(saved);
        say(selfdata.text(adding ? 'rights.organization.edit.added' : 'rights.organization.edit.saved', saved.name));
    }

    /** Removes the person's version: the directory's entry is chosen again, or the choice is gone with the organization. */
    async function restore() {
        const removed = edit.organization;
        await selfdata.api(path(removed.slug), { method: 'DELETE' });
        if (removed.inDirectory) {
            await edit.choose(await selfdata.api(path(removed.slug)));
            say(selfdata.text('rights.organization.edit.restored'));
            return;
        }
        selfdata.element('draft-form').hidden = true;
        show(null);
        say(selfdata.text('rights.organization.edit.removed'));
    }

    function acting(action) {
        return event => action(event).catch(failure => say(selfdata.text('common.failure', failure.message), true));
    }

    /** Called when the guided form chooses an organization: the disclosure then corrects that one. */
    function chosen(organization) {
        show(organization);
        say('');
    }

    /** Wires the disclosure; {@code choose} makes the guided form's choice again with an organization as it stands. */
    function listen(choose) {
        edit.choose = choose;
        selfdata.element('organization-edit-form').addEventListener('submit', acting(save));
        selfdata.element('organization-edit-restore').addEventListener('click', acting(restore));
        selfdata.element('organization-edit-new').addEventListener('click', () => {
            show(null);
            say('');
            selfdata.element('organization-edit-name').focus();
        });
    }

    return { listen, chosen };
})();
