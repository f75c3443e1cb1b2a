'use strict';
// The sign-in page: the session starts with a JSON request, then the person goes back where they were going.
selfdata.start(() => {
    const form = selfdata.element('sign-in-form');
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const error = selfdata.element('sign-in-error');
        error.hidden = true;
        try {
            await selfdata.api('/api/v1/session', {
                method: 'POST',
                json: { handle: form.elements.handle.value, password: form.elements.password.value }
            });
            const next = new URLSearchParams(window.location.search).get('next') || '/';
            // Only a path of this site: a crafted link must not send the person elsewhere once signed in.
            window.location.assign(next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/');
        } catch (failure) {
            error.textContent = failure.message;
            error.hidden = false;
        }
    });
    selfdata.element('sign-in-handle').focus();
});
