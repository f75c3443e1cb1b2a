'use strict';
// The sign-in page: the session starts with a JSON request, then the person goes back where they were going, to the
// path the server rendered into the form.
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
            // Where to go back to, as the server vetted it: a path of this site. The address bar's own 'next' is never
            // read here, so that a crafted link cannot send the person elsewhere once signed in.
            window.location.assign(form.dataset.next || '/');
        } catch (failure) {
            error.textContent = failure.message;
            error.hidden = false;
        }
    });
    selfdata.element('sign-in-handle').focus();
});
