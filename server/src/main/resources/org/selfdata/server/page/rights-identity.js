'use strict';
// The identity document of a drafted request, on the rights page: never required unless the organization has
// reasonable doubts about who the person is (GDPR art. 12(6)). The person adds one file (PDF, JPEG or PNG), sees its
// name, and removes it, while the request is a draft; the letter then says why it is given and asks for its deletion.
// The page's own script (rights.js), which runs after this one, calls showIdentityDocument each time it shows a
// request; this script's listeners wait for it, since they use its helpers.

/** Shows the block for a draft, with the document it encloses if any; hides it for a request already sent. */
function showIdentityDocument(request) {
    const draft = request.status === 'draft';
    selfdata.element('identity-document').hidden = !draft;
    const enclosed = draft ? request.identityDocument : null;
    selfdata.element('identity-document-attached').hidden = !enclosed;
    selfdata.element('identity-document-name').textContent = enclosed
        ? selfdata.text('rights.identity.attached', enclosed.name,
            selfdata.number(Math.max(1, Math.round(enclosed.size / 1024))))
        : '';
    selfdata.element('identity-document-form').reset();
    say('identity-document-result', '');
}

async function addIdentityDocument() {
    const file = selfdata.element('identity-document-file').files[0];
    if (!file) {
        say('identity-document-result', selfdata.text('rights.identity.noFile'), true);
        return;
    }
    const body = new FormData();
    body.append('file', file);
    const request = await selfdata.api(requestPath(desk.opened.id, '/identity-document'), { method: 'PUT', body });
    await changed(request, '');
    say('identity-document-result', selfdata.text('rights.identity.added'));
}

async function removeIdentityDocument() {
    const id = desk.opened.id;
    await selfdata.api(requestPath(id, '/identity-document'), { method: 'DELETE' });
    await changed(await selfdata.api(requestPath(id)), '');
    say('identity-document-result', selfdata.text('rights.identity.removed'));
}

function listenToIdentityDocument() {
    selfdata.element('identity-document-form').addEventListener('submit',
        acting('identity-document-result', addIdentityDocument));
    selfdata.element('identity-document-remove').addEventListener('click',
        acting('identity-document-result', removeIdentityDocument));
}

document.addEventListener('DOMContentLoaded', listenToIdentityDocument);
