'use strict';
// The reminders of deadlines by e-mail on the rights page: a checkbox that turns them on or off and the days before a
// deadline when the first one goes. They need the person's mailbox; the server's refusal says so where the result shows.
const rightsReminders = (() => {
    const PATH = '/api/v1/rights/reminders';

    function say(words, failed = false) {
        const result = selfdata.element('reminders-result');
        result.textContent = words;
        result.classList.toggle('error', failed);
        result.classList.toggle('good', !failed && words !== '');
    }

    function show(reminders) {
        selfdata.element('reminders-enabled').checked = reminders.enabled;
        selfdata.element('reminders-days').value = String(reminders.daysBefore);
    }

    async function load() {
        show(await selfdata.api(PATH));
    }

    let saving = Promise.resolve();

    /**
     * Saves what the form says, one save after the other so that the last change is the one kept. The form is left
     * as the person set it; a refusal (no mailbox, days out of range) puts back what the server keeps.
     */
    function save() {
        saving = saving.then(async () => {
            const enabled = selfdata.element('reminders-enabled').checked;
            const daysBefore = Number(selfdata.element('reminders-days').value);
            try {
                const saved = await selfdata.api(PATH, { method: 'PUT', json: { enabled, daysBefore } });
                say(saved.enabled ? selfdata.text('rights.reminders.on', saved.daysBefore)
                    : selfdata.text('rights.reminders.off'));
            } catch (failure) {
                say(selfdata.text('common.failure', failure.message), true);
                await load().catch(() => undefined);
            }
        });
        return saving;
    }

    function start() {
        const form = selfdata.element('reminders-form');
        if (!form) {
            return;
        }
        form.addEventListener('submit', event => event.preventDefault());
        selfdata.element('reminders-enabled').addEventListener('change', save);
        selfdata.element('reminders-days').addEventListener('change', () => {
            if (selfdata.element('reminders-enabled').checked) {
                save();
            }
        });
        load().catch(failure => say(selfdata.text('common.failure', failure.message), true));
    }

    return { start };
})();

rightsReminders.start();
