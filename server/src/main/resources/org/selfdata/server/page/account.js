'use strict';
// The account page: export everything, restore an export into an empty account, change the password, see and rotate
// the keys, erase one source after typing its number, and erase the account after a confirmation that says what goes
// and asks for the person's handle.
const NOTICE = 'selfdata.account.notice';

function say(id, words, failed) {
    const element = selfdata.element(id);
    element.textContent = words;
    element.classList.toggle('error', Boolean(failed));
    element.classList.toggle('good', !failed);
}

function showRestore(status, head) {
    const restorable = status.sources.length === 0 && head.treeSize === 0;
    selfdata.element('restore-form').hidden = !restorable;
    selfdata.element('restore-state').textContent = restorable
        ? selfdata.text('account.restorePossible')
        : selfdata.text('account.restoreImpossible', status.records, status.sources.length);
}

/** What came back; that the apps must be authorized again, since no token travels; and to back up the key file. */
function restoredWords(restored) {
    const words = [selfdata.text('account.restoreDone', restored.records, restored.handle,
        selfdata.dateTime(restored.exportedAt))];
    if (restored.grants > 0) {
        words.push(selfdata.text('account.restoreGrants', restored.grants, restored.given));
        words.push(selfdata.text('account.restoreAuthorizeAgain'));
    }
    if (restored.awaitingAdmission > 0) {
        words.push(selfdata.text('account.restoreAwaiting', restored.awaitingAdmission));
    }
    words.push(selfdata.text('account.restoreBackUp'));
    return words;
}

function listenToRestore() {
    const form = selfdata.element('restore-form');
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const body = new FormData();
        body.append('file', form.elements.file.files[0]);
        say('restore-result', selfdata.text('account.restoreRunning'), false);
        try {
            const restored = await selfdata.api('/api/v1/restore', { method: 'POST', body });
            form.hidden = true;
            say('restore-result', restoredWords(restored).join(' '), false);
        } catch (failure) {
            say('restore-result', selfdata.text('account.restoreRefused', failure.message), true);
        }
    });
}

function listenToPassword() {
    const form = selfdata.element('password-form');
    form.addEventListener('submit', async event => {
        event.preventDefault();
        if (form.elements.new.value !== form.elements.again.value) {
            say('password-result', selfdata.text('account.passwordsDiffer'), true);
            return;
        }
        try {
            await selfdata.api('/api/v1/account/password', { method: 'PUT',
                json: { currentPassword: form.elements.current.value, newPassword: form.elements.new.value } });
            // The session is new, and so is its CSRF token: the page starts again with it.
            window.sessionStorage.setItem(NOTICE, 'password');
            window.location.reload();
        } catch (failure) {
            say('password-result', selfdata.text('account.passwordRefused', failure.message), true);
        } finally {
            form.reset();
        }
    });
    if (window.sessionStorage.getItem(NOTICE) === 'password') {
        window.sessionStorage.removeItem(NOTICE);
        say('password-result', selfdata.text('account.passwordChanged'), false);
    }
}

function showKeys(keys) {
    selfdata.element('signing-key-id').textContent = keys.signingKey.keyId;
    selfdata.element('signing-key-algorithm').textContent = keys.signingKey.algorithm + ' · ' + keys.signingKey.curve;
    selfdata.element('signing-key-thumbprint').textContent = keys.signingKey.thumbprint;
    selfdata.element('signing-key-published').textContent = keys.signingKey.published;
    selfdata.element('data-keys-summary').textContent = keys.dataKeys.length === 0
        ? selfdata.text('account.noDataKeys')
        : selfdata.text('account.dataKeys', keys.dataKeys.length);
    selfdata.element('data-keys').replaceChildren(...keys.dataKeys.map(key =>
        selfdata.create('li', { text: key.organizationName + ' · ' + key.labelName })));
    const rotate = selfdata.element('rotate-keys');
    rotate.disabled = keys.dataKeys.length === 0;
    rotate.addEventListener('click', async () => {
        rotate.disabled = true;
        try {
            const rotation = await selfdata.api('/api/v1/keys/rotation', { method: 'POST' });
            say('rotation-result', selfdata.text('account.rotationDone', rotation.sources), false);
        } catch (failure) {
            say('rotation-result', failure.message, true);
        } finally {
            rotate.disabled = false;
        }
    });
}

/** What the erasure destroys, counted afresh when the person asks for it: the page loads only what it shows. */
async function describeErasure() {
    const [status, grants, head] = await Promise.all([
        selfdata.api('/api/v1/status'), selfdata.api('/api/v1/grants'), selfdata.api('/api/v1/log/head')]);
    const given = grants.grants.filter(grant => grant.status === 'given').length;
    selfdata.element('erase-counts').textContent = selfdata.text('account.eraseCounts', status.person.handle);
    const lines = [
        selfdata.text('account.eraseRecords', status.records, status.sources.length),
        selfdata.text('account.eraseImports', status.batches),
        selfdata.text('account.eraseGrants', given),
        selfdata.text('account.eraseLog', head.treeSize),
        selfdata.text('account.eraseAccount')
    ];
    selfdata.element('erase-list').replaceChildren(...lines.map(line => selfdata.create('li', { text: line })));
}

function listenToErasure(status) {
    const dialog = selfdata.element('erase-dialog');
    const handle = selfdata.element('erase-handle');
    const confirm = selfdata.element('erase-confirm');
    const error = selfdata.element('erase-error');
    selfdata.element('erase-handle-label').textContent = selfdata.text('account.eraseType', status.person.handle);
    selfdata.element('erase-open').addEventListener('click', async () => {
        try {
            await describeErasure();
            handle.value = '';
            confirm.disabled = true;
            error.hidden = true;
            dialog.showModal();
            handle.focus();
        } catch (failure) {
            selfdata.fail(failure);
        }
    });
    selfdata.element('erase-cancel').addEventListener('click', () => dialog.close());
    handle.addEventListener('input', () => {
        confirm.disabled = handle.value !== status.person.handle;
    });
    selfdata.element('erase-form').addEventListener('submit', async event => {
        event.preventDefault();
        if (handle.value !== status.person.handle) {
            return;
        }
        confirm.disabled = true;
        try {
            await selfdata.api('/api/v1/erasure', { method: 'POST', json: { handle: handle.value } });
            window.location.assign('/sign-in');
        } catch (failure) {
            error.textContent = failure.message;
            error.hidden = false;
            confirm.disabled = false;
        }
    });
}

/**
 * Erasing one source, as `selfdata erase --source` does: the person chooses it, reads what goes, and confirms by typing
 * its number; the page then starts again without it.
 */
function listenToSourceErasure(status) {
    const choice = selfdata.element('erase-source-choice');
    const dialog = selfdata.element('erase-source-dialog');
    const number = selfdata.element('erase-source-number');
    const confirm = selfdata.element('erase-source-confirm');
    const error = selfdata.element('erase-source-error');
    selfdata.element('erase-source-none').hidden = status.sources.length > 0;
    selfdata.element('erase-source-choosing').hidden = status.sources.length === 0;
    choice.replaceChildren(...status.sources.map(source => selfdata.create('option', { value: String(source.id),
        text: selfdata.text('account.eraseSourceOption', String(source.id), source.organizationName, source.labelName) })));
    const chosen = () => status.sources.find(source => String(source.id) === choice.value);
    selfdata.element('erase-source-open').addEventListener('click', () => {
        const source = chosen();
        selfdata.element('erase-source-what').textContent = selfdata.text('account.eraseSourceWhat', source.organizationName,
            source.labelName, source.records);
        selfdata.element('erase-source-number-label').textContent = selfdata.text('account.eraseSourceType', String(source.id));
        number.value = '';
        confirm.disabled = true;
        error.hidden = true;
        dialog.showModal();
        number.focus();
    });
    selfdata.element('erase-source-cancel').addEventListener('click', () => dialog.close());
    number.addEventListener('input', () => {
        confirm.disabled = number.value.trim() !== choice.value;
    });
    selfdata.element('erase-source-form').addEventListener('submit', async event => {
        event.preventDefault();
        if (number.value.trim() !== choice.value) {
            return;
        }
        confirm.disabled = true;
        try {
            await selfdata.api('/api/v1/sources/' + encodeURIComponent(choice.value) + '/erasure',
                { method: 'POST', json: { source: number.value.trim() } });
            window.location.reload();
        } catch (failure) {
            error.textContent = failure.message;
            error.hidden = false;
            confirm.disabled = false;
        }
    });
}

selfdata.start(async () => {
    const [status, head, keys] = await Promise.all([
        selfdata.api('/api/v1/status'), selfdata.api('/api/v1/log/head'), selfdata.api('/api/v1/keys')]);
    selfdata.element('account-summary').textContent = selfdata.text('account.summary', status.person.handle,
        selfdata.number(status.records), status.sources.length);
    showRestore(status, head);
    listenToRestore();
    listenToPassword();
    showKeys(keys);
    listenToSourceErasure(status);
    listenToErasure(status);
    selfdata.element('account').setAttribute('aria-busy', 'false');
});
