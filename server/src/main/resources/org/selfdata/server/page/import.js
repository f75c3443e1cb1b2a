'use strict';
// The import page: files dropped or chosen are sent one after the other, each followed by its own progress bar from
// the first byte sent to the import's report; the latest imports are listed below, and /import?batch=ID shows what a
// lenient import set aside, a page at a time, with each record's text to correct and import again where it was kept.
// A file refused as unknown whose first rows look like bank transactions is offered a column mapping (import-mapping.js).
// The vault's sources are listed, each with a button that asks its organization what it holds (rights-ask.js).
const LATEST = 10;
const REJECTS_PER_PAGE = 50;
const POLL_MILLISECONDS = 500;

const importing = {
    queue: [],
    running: false,
    batches: []
};

function announce(words) {
    selfdata.element('import-announcer').textContent = words;
}

/** One file's place on the page: its name, a labelled progress bar, and where its report or its failure goes. */
function fileItem(file, index) {
    const id = 'import-upload-' + index;
    const label = selfdata.create('label', { for: id + '-progress', id: id + '-label', text: selfdata.text('import.waiting') });
    const progress = selfdata.create('progress', { id: id + '-progress', max: 1, value: 0 });
    const outcome = selfdata.create('ul', { className: 'plain outcome', id: id + '-outcome' });
    const item = selfdata.create('li', { className: 'card upload', id }, [
        selfdata.create('h3', { text: file.name, className: 'file-name' }), label, progress, outcome]);
    selfdata.element('import-uploads').append(item);
    return { file, item, label, progress, outcome };
}

function show(entry, state, labelWords, fraction) {
    entry.item.dataset.state = state;
    entry.label.textContent = labelWords;
    if (fraction === undefined) {
        entry.progress.removeAttribute('value');
    } else {
        entry.progress.value = Math.max(0, Math.min(1, fraction));
    }
}

function percent(fraction) {
    return new Intl.NumberFormat(selfdata.language, { style: 'percent' }).format(fraction);
}

/** The words for a problem the API gave, in the page's language, with the server's detail beside them. */
function problemWords(problem, status) {
    const kind = {
        413: 'import.tooLarge',
        415: 'import.unknownFormat',
        422: 'import.unreadable'
    }[status] || 'import.failed';
    return { words: selfdata.text(kind), detail: problem && problem.detail ? problem.detail : '' };
}

function showFailure(entry, failure) {
    entry.item.dataset.state = 'failed';
    entry.label.textContent = selfdata.text('import.failedState');
    entry.progress.value = 1;
    entry.outcome.append(selfdata.create('li', { className: 'error', text: failure.words }, failure.detail
        ? [selfdata.create('span', { className: 'detail', text: ' ' + failure.detail })] : []));
    announce(selfdata.text('import.failedAnnounced', entry.file.name, failure.words));
}

/**
 * Sends a file as the request's body. XMLHttpRequest rather than fetch, since only it tells how much of the body
 * has gone.
 */
function send(entry, token, lenient) {
    return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', '/api/v1/imports?name=' + encodeURIComponent(entry.file.name) + (lenient ? '&lenient=true' : ''));
        request.setRequestHeader('Accept', 'application/json');
        // The import's problems are said in the page's language, whatever the browser's.
        request.setRequestHeader('Accept-Language', selfdata.language);
        request.setRequestHeader('Content-Type', 'application/octet-stream');
        request.setRequestHeader('X-CSRF-Token', token);
        request.responseType = 'json';
        request.upload.addEventListener('progress', event => {
            const total = event.lengthComputable ? event.total : entry.file.size;
            const fraction = total > 0 ? event.loaded / total : 1;
            show(entry, 'sending', selfdata.text('import.sending', percent(fraction)), fraction);
        });
        request.addEventListener('load', () => {
            if (request.status >= 200 && request.status < 300) {
                resolve(request.response);
                return;
            }
            if (request.status === 401) {
                selfdata.signInAgain();
            }
            const failure = new Error(request.response && request.response.detail || request.statusText);
            failure.status = request.status;
            failure.problem = request.response;
            reject(failure);
        });
        request.addEventListener('error', () => {
            const failure = new Error(selfdata.text('import.notSent'));
            failure.status = 0;
            reject(failure);
        });
        request.send(entry.file);
    });
}

function isOver(job) {
    return job.state === 'done' || job.state === 'failed';
}

/** Asks for the job until it is over: when the browser cannot keep the stream of events open. */
async function poll(job, changed) {
    let now = job;
    while (!isOver(now)) {
        await new Promise(resolve => setTimeout(resolve, POLL_MILLISECONDS));
        now = await selfdata.api('/api/v1/imports/' + encodeURIComponent(job.id));
        changed(now);
    }
    return now;
}

/** Follows the job through its events until it is over, or by polling if the stream breaks first. */
function follow(job, changed) {
    return new Promise((resolve, reject) => {
        const events = new EventSource('/api/v1/imports/' + encodeURIComponent(job.id) + '/events');
        let last = job;
        events.addEventListener('progress', event => {
            last = JSON.parse(event.data);
            changed(last);
            if (isOver(last)) {
                events.close();
                resolve(last);
            }
        });
        events.addEventListener('error', () => {
            if (!isOver(last)) {
                events.close();
                poll(last, changed).then(resolve, reject);
            }
        });
    });
}

function showImporting(entry, job) {
    if (job.state === 'receiving') {
        return;
    }
    const current = job.current;
    if (!current) {
        show(entry, 'importing', selfdata.text('import.importing', entry.file.name));
        return;
    }
    const fraction = current.size === undefined || current.size <= 0 ? undefined : current.read / current.size;
    show(entry, 'importing', selfdata.text('import.importing', selfdata.text('import.reading', current.file)
        + (fraction === undefined ? '' : ' · ' + percent(fraction))), fraction);
}

function reportLine(report) {
    if (report.status === 'imported') {
        const line = selfdata.create('li', { className: 'report', text: selfdata.text('import.report', report.file,
            report.added, report.duplicates, report.rejected) });
        if (report.alreadyRejected > 0) {
            line.append(' ', selfdata.create('span', { className: 'detail',
                text: selfdata.text('import.alreadyRejected', report.alreadyRejected) }));
        }
        if (report.rejected > 0) {
            line.append(' ', selfdata.create('a', { href: '/import?batch=' + report.batch, className: 'quarantine-link',
                text: selfdata.text('import.quarantineLink', report.rejected) }));
        }
        (report.notes || []).forEach(note => line.append(' ', selfdata.create('span', { className: 'detail note',
            text: note.position + ': ' + note.note })));
        return line;
    }
    if (report.status === 'unwritten') {
        return selfdata.create('li', { className: 'warning', text: selfdata.text('import.unwritten', report.file,
            selfdata.number(report.added), selfdata.number(report.duplicates)) });
    }
    if (report.status === 'not-recognized') {
        return selfdata.create('li', { className: 'warning', text: selfdata.text('import.notRecognized', report.file) });
    }
    const failure = problemWords(report.problem, report.problem ? report.problem.status : 0);
    return selfdata.create('li', { className: 'error', text: report.file + ': ' + failure.words }, failure.detail
        ? [selfdata.create('span', { className: 'detail', text: ' ' + failure.detail })] : []);
}

function showReport(entry, job) {
    if (job.state === 'failed') {
        showFailure(entry, problemWords(job.problem, job.problem ? job.problem.status : 0));
        // A strict import of an archive is reported file by file even when it was refused.
        if (job.files.length > 0) {
            entry.outcome.append(...job.files.map(reportLine),
                selfdata.create('li', { className: 'hint', text: selfdata.text('import.tryLenient') }));
        }
        return;
    }
    show(entry, 'done', selfdata.text('import.done'), 1);
    entry.outcome.replaceChildren(...job.files.map(reportLine));
    announce(job.files.map(report => report.status === 'imported'
        ? selfdata.text('import.report', report.file, report.added, report.duplicates, report.rejected)
        : reportLine(report).textContent).join(' '));
}

async function importOne(entry, token, lenient) {
    show(entry, 'sending', selfdata.text('import.sending', percent(0)), 0);
    announce(selfdata.text('import.sendingAnnounced', entry.file.name));
    let job;
    try {
        job = await send(entry, token, lenient);
    } catch (failure) {
        showFailure(entry, failure.status === 0
            ? { words: failure.message, detail: '' }
            : problemWords(failure.problem, failure.status));
        return;
    }
    announce(selfdata.text('import.importingAnnounced', entry.file.name));
    showImporting(entry, job);
    const last = await follow(job, now => showImporting(entry, now));
    showReport(entry, last);
    if (mayBeMapped(last)) {
        await importMapping.offer(entry, file => enqueue([file]));
    }
}

/** A file refused as of no known kind whose first rows look like bank transactions: a column mapping may read it. */
function mayBeMapped(job) {
    return job.state === 'failed' && job.mappable === true;
}

/** Imports the queued files one after the other, so that each has the server's attention while it runs. */
async function runQueue() {
    if (importing.running) {
        return;
    }
    importing.running = true;
    try {
        const token = (await selfdata.api('/api/v1/session')).csrfToken;
        while (importing.queue.length > 0) {
            const next = importing.queue.shift();
            await importOne(next.entry, token, next.lenient);
            await showLatest();
            await showSources();
        }
    } finally {
        importing.running = false;
    }
}

function enqueue(files) {
    const lenient = selfdata.element('import-lenient').checked;
    const first = selfdata.element('import-uploads').children.length;
    Array.from(files).forEach((file, index) => importing.queue.push({ entry: fileItem(file, first + index), lenient }));
    runQueue().catch(selfdata.fail);
}

function describeChosen(input) {
    const names = Array.from(input.files).map(file => file.name);
    selfdata.element('import-chosen').textContent = names.length === 0 ? '' : selfdata.text('import.chosen', names.join(', '));
}

function listenForFiles() {
    const input = selfdata.element('import-files');
    input.addEventListener('change', () => describeChosen(input));
    selfdata.element('import-form').addEventListener('submit', event => {
        event.preventDefault();
        if (input.files.length === 0) {
            selfdata.element('import-chosen').textContent = selfdata.text('import.nothingChosen');
            input.focus();
            return;
        }
        enqueue(input.files);
        input.value = '';
        describeChosen(input);
    });
    const zone = selfdata.element('import-drop');
    ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
        event.preventDefault();
        zone.classList.add('over');
    }));
    ['dragleave', 'dragend'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
    zone.addEventListener('drop', event => {
        event.preventDefault();
        zone.classList.remove('over');
        if (event.dataTransfer && event.dataTransfer.files.length > 0) {
            enqueue(event.dataTransfer.files);
        }
    });
}

function quarantineLink(batch) {
    return selfdata.create('a', { href: '/import?batch=' + batch.id, text: selfdata.number(batch.rejected) });
}

async function showLatest() {
    importing.batches = (await selfdata.api('/api/v1/batches?latest=' + LATEST)).batches;
    const latest = importing.batches.slice(-LATEST).reverse();
    selfdata.rows(selfdata.element('import-batches').tBodies[0], latest, batch => [batch.fileName,
        selfdata.dateTime(batch.finishedAt), batch.added, batch.duplicates,
        batch.rejected > 0 ? quarantineLink(batch) : batch.rejected]);
    selfdata.element('import-batches').querySelectorAll('tbody td:last-child').forEach(cell => cell.classList.add('number'));
    selfdata.element('import-no-batches').hidden = latest.length > 0;
}

/** The sources of the vault, each an organization holding data about the person, to ask what it holds. */
async function showSources() {
    const sources = (await selfdata.api('/api/v1/sources')).sources;
    selfdata.rows(selfdata.element('import-sources-table').tBodies[0], sources, source => [source.organizationName,
        source.labelName, selfdata.date(source.createdAt),
        askWhatTheyHold.offer(source.organizationName, { source: source.id })]);
    selfdata.element('import-sources-table').tBodies[0].querySelectorAll('tr').forEach((row, index) => {
        row.dataset.source = String(sources[index].id);
    });
    selfdata.element('import-no-sources').hidden = sources.length > 0;
    selfdata.element('import-sources-table').hidden = sources.length === 0;
}

/**
 * A rejected record's text, as the file wrote it, with a form to correct it and import it again: the record leaves
 * the quarantine once it is read. Without a kept text, only a note saying so.
 */
function rejectText(batchId, reject) {
    if (reject.text === undefined) {
        return selfdata.create('span', { className: 'muted', text: selfdata.text('import.noText') });
    }
    const id = 'import-fix-' + reject.number;
    const area = selfdata.create('textarea', { id, rows: String(Math.min(8, reject.text.split('\n').length + 1)),
        spellcheck: 'false' });
    area.value = reject.text;
    const outcome = selfdata.create('p', { className: 'fix-outcome', role: 'status' });
    const form = selfdata.create('form', { className: 'fix' }, [
        selfdata.create('label', { for: id, text: selfdata.text('import.fixLabel', selfdata.number(reject.number)) }),
        area,
        selfdata.create('button', { type: 'submit', className: 'secondary', text: selfdata.text('import.fixSend') }),
        outcome]);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            await selfdata.api('/api/v1/batches/' + encodeURIComponent(batchId) + '/rejects/' + reject.number + '/import',
                { method: 'POST', json: { text: area.value } });
            outcome.className = 'fix-outcome';
            outcome.textContent = selfdata.text('import.fixed');
            form.querySelectorAll('textarea, button').forEach(control => { control.disabled = true; });
        } catch (failure) {
            if (failure.status === undefined) {
                throw failure;
            }
            outcome.className = 'fix-outcome error';
            outcome.textContent = selfdata.text('import.fixFailed') + ' ' + (failure.problem && failure.problem.detail || '');
        }
    });
    return selfdata.create('details', {}, [
        selfdata.create('summary', { text: selfdata.text('import.fix') }),
        selfdata.create('pre', { className: 'reject-text', text: reject.text }),
        form]);
}

/** The quarantine of one batch: positions, reasons and, where kept, each record's text to correct, a page at a time. */
async function showQuarantine(batchId) {
    const section = selfdata.element('import-quarantine');
    section.hidden = false;
    const batch = importing.batches.find(candidate => String(candidate.id) === batchId);
    if (batch) {
        selfdata.element('import-quarantine-summary').textContent = selfdata.text('import.quarantineOf', batch.fileName,
            selfdata.dateTime(batch.finishedAt), selfdata.number(batch.rejected));
    }
    const body = selfdata.element('import-rejects').tBodies[0];
    const more = selfdata.element('import-more');
    let after = 0;
    async function nextPage() {
        const page = await selfdata.api('/api/v1/batches/' + encodeURIComponent(batchId) + '/rejects?limit='
            + REJECTS_PER_PAGE + '&after=' + after);
        const added = document.createElement('tbody');
        selfdata.rows(added, page.rejects, reject => [reject.number, reject.position, reject.reason,
            rejectText(batchId, reject)]);
        body.append(...added.children);
        more.hidden = page.next === undefined;
        after = page.next === undefined ? after : page.next;
    }
    more.addEventListener('click', () => nextPage().catch(selfdata.fail));
    await nextPage();
    section.focus();
}

selfdata.start(async () => {
    listenForFiles();
    await showLatest();
    await showSources();
    const batch = new URLSearchParams(window.location.search).get('batch');
    if (batch !== null) {
        await showQuarantine(batch);
    }
    selfdata.element('import').setAttribute('aria-busy', 'false');
});
