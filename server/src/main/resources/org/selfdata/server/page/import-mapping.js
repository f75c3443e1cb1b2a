'use strict';
// The column mapping form of the import page: offered under a file that selfdata refused as unknown when its first
// rows look like bank transactions. It shows those rows (the person's own, sent to them alone), the columns guessed
// for the date, amount (or debit and credit) and label, the date pattern and decimal mark, reads the first rows again
// at each change, and saves the mapping for the file's layout before importing the file again with it.
const importMapping = (() => {
    const HEAD_BYTES = 64 * 1024;
    const CHECK_DELAY_MILLISECONDS = 250;
    const DATE_PATTERNS = ['dd/MM/yyyy', 'dd/MM/yy', 'yyyy-MM-dd', 'dd.MM.yyyy', 'dd-MM-yyyy', 'yyyy/MM/dd',
        'MM/dd/yyyy'];
    let forms = 0;

    async function headOf(file) {
        const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
        let binary = '';
        for (let start = 0; start < bytes.length; start += 8192) {
            binary += String.fromCharCode(...bytes.subarray(start, start + 8192));
        }
        return btoa(binary);
    }

    function normalized(name) {
        return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
    }

    /** A column of the mapping as the form's selects name it: its number from 1, whether named so or by its header. */
    function columnNumber(reference, header) {
        if (reference === undefined) {
            return '';
        }
        if (/^\d+$/.test(reference)) {
            return reference;
        }
        const index = header.findIndex(name => normalized(name) === normalized(reference));
        return index < 0 ? '' : String(index + 1);
    }

    function columnOptions(guess, optional) {
        const header = guess.header ? guess.preview[0] : null;
        const sample = guess.preview[guess.header ? 1 : 0] || [];
        const options = [];
        if (optional) {
            options.push(selfdata.create('option', { value: '', text: selfdata.text('import.mapping.none') }));
        }
        for (let index = 0; index < guess.columns; index++) {
            const example = (header ? header[index] : sample[index]) || '';
            options.push(selfdata.create('option', { value: String(index + 1), text: example.trim() === ''
                ? selfdata.text('import.mapping.column', index + 1)
                : selfdata.text('import.mapping.columnOption', index + 1, example.trim().slice(0, 40)) }));
        }
        return options;
    }

    function field(id, labelKey, control) {
        return selfdata.create('p', { className: 'mapping-field' }, [
            selfdata.create('label', { for: id, text: selfdata.text(labelKey) }), control]);
    }

    function select(id, guess, optional, value) {
        const control = selfdata.create('select', { id }, columnOptions(guess, optional));
        control.value = value;
        return control;
    }

    function previewTable(id, guess) {
        const heads = [];
        for (let index = 0; index < guess.columns; index++) {
            heads.push(selfdata.create('th', { scope: 'col', text: selfdata.text('import.mapping.column', index + 1) }));
        }
        const body = selfdata.create('tbody', {}, guess.preview.map(row => selfdata.create('tr', {},
            row.map(cell => selfdata.create('td', { text: cell })))));
        const table = selfdata.create('table', { id, className: 'mapping-preview' }, [
            selfdata.create('caption', { text: selfdata.text('import.mapping.preview') }),
            selfdata.create('thead', {}, [selfdata.create('tr', {}, heads)]), body]);
        return selfdata.create('div', { className: 'mapping-scroll' }, [table]);
    }

    function day(iso) {
        return new Date(iso + 'T00:00:00Z').toLocaleDateString(selfdata.language, { dateStyle: 'medium', timeZone: 'UTC' });
    }

    function lineOf(position) {
        const found = /\d+/.exec(position);
        return found ? selfdata.text('import.mapping.line', Number(found[0])) : position;
    }

    /** The form, built once the guess is in: controls, the preview of the rows, and the check of how they read. */
    function build(prefix, guess) {
        const header = guess.header ? guess.preview[0] : [];
        const keys = guess.mapping;
        const debitCredit = keys['column.debit'] !== undefined || keys['column.credit'] !== undefined;
        const controls = {
            date: select(prefix + '-date', guess, false, columnNumber(keys['column.date'], header)),
            oneAmount: selfdata.create('input', { type: 'radio', name: prefix + '-amounts', id: prefix + '-one-amount',
                value: 'one', checked: !debitCredit }),
            twoAmounts: selfdata.create('input', { type: 'radio', name: prefix + '-amounts', id: prefix + '-two-amounts',
                value: 'two', checked: debitCredit }),
            amount: select(prefix + '-amount', guess, false, columnNumber(keys['column.amount'], header)),
            debit: select(prefix + '-debit', guess, true, columnNumber(keys['column.debit'], header)),
            credit: select(prefix + '-credit', guess, true, columnNumber(keys['column.credit'], header)),
            label: select(prefix + '-label', guess, true, columnNumber(keys['column.label'], header)),
            valueDate: select(prefix + '-value-date', guess, true, columnNumber(keys['column.value-date'], header)),
            pattern: selfdata.create('input', { id: prefix + '-pattern', type: 'text', list: prefix + '-patterns',
                spellcheck: 'false', autocomplete: 'off' }),
            mark: selfdata.create('select', { id: prefix + '-mark' }, [
                selfdata.create('option', { value: 'comma', text: selfdata.text('import.mapping.comma') }),
                selfdata.create('option', { value: 'point', text: selfdata.text('import.mapping.point') }),
                selfdata.create('option', { value: 'auto', text: selfdata.text('import.mapping.either') })]),
            header: selfdata.create('input', { type: 'checkbox', id: prefix + '-header', checked: guess.header }),
            account: selfdata.create('input', { id: prefix + '-account', type: 'text', autocomplete: 'off',
                spellcheck: 'false', maxlength: '64' })
        };
        controls.pattern.value = keys['date-pattern'] || 'dd/MM/yyyy';
        controls.mark.value = keys['decimal-mark'] || 'auto';
        controls.account.value = keys.account || '';
        return controls;
    }

    /**
     * The mapping as the form stands, in the keys of a mapping file: columns by number, so that one mapping reads every
     * file of the layout.
     */
    function mappingOf(guess, controls) {
        const mapping = {
            'header': String(controls.header.checked),
            'delimiter': guess.mapping.delimiter,
            'date-pattern': controls.pattern.value.trim(),
            'decimal-mark': controls.mark.value,
            'column.date': controls.date.value
        };
        if (guess.mapping['skip-lines'] !== undefined) {
            mapping['skip-lines'] = guess.mapping['skip-lines'];
        }
        if (controls.oneAmount.checked) {
            mapping['column.amount'] = controls.amount.value;
        } else {
            [['column.debit', controls.debit], ['column.credit', controls.credit]]
                .filter(([, control]) => control.value !== '').forEach(([key, control]) => { mapping[key] = control.value; });
        }
        [['column.label', controls.label], ['column.value-date', controls.valueDate]]
            .filter(([, control]) => control.value !== '').forEach(([key, control]) => { mapping[key] = control.value; });
        if (controls.account.value.trim() !== '') {
            mapping.account = controls.account.value.trim();
        }
        return mapping;
    }

    function showAmountColumns(controls) {
        controls.amount.closest('p').hidden = !controls.oneAmount.checked;
        controls.debit.closest('p').hidden = controls.oneAmount.checked;
        controls.credit.closest('p').hidden = controls.oneAmount.checked;
    }

    function layout(prefix, guess, controls) {
        const patterns = selfdata.create('datalist', { id: prefix + '-patterns' },
            DATE_PATTERNS.map(pattern => selfdata.create('option', { value: pattern })));
        const amounts = selfdata.create('fieldset', { className: 'mapping-amounts' }, [
            selfdata.create('legend', { text: selfdata.text('import.mapping.amountKind') }),
            selfdata.create('label', { className: 'check' }, [controls.oneAmount, selfdata.text('import.mapping.oneAmount')]),
            selfdata.create('label', { className: 'check' }, [controls.twoAmounts, selfdata.text('import.mapping.debitCredit')]),
            field(prefix + '-amount', 'import.mapping.amount', controls.amount),
            field(prefix + '-debit', 'import.mapping.debit', controls.debit),
            field(prefix + '-credit', 'import.mapping.credit', controls.credit)]);
        return [
            selfdata.create('fieldset', { className: 'mapping-columns' }, [
                selfdata.create('legend', { text: selfdata.text('import.mapping.columns') }),
                field(prefix + '-date', 'import.mapping.date', controls.date),
                amounts,
                field(prefix + '-label', 'import.mapping.label', controls.label),
                field(prefix + '-value-date', 'import.mapping.valueDate', controls.valueDate)]),
            selfdata.create('fieldset', { className: 'mapping-writing' }, [
                selfdata.create('legend', { text: selfdata.text('import.mapping.writing') }),
                field(prefix + '-pattern', 'import.mapping.datePattern', controls.pattern), patterns,
                field(prefix + '-mark', 'import.mapping.decimalMark', controls.mark),
                selfdata.create('label', { className: 'check' }, [controls.header, selfdata.text('import.mapping.header')]),
                field(prefix + '-account', 'import.mapping.account', controls.account)])];
    }

    function checkTable(id) {
        return selfdata.create('table', { id, className: 'mapping-check' }, [
            selfdata.create('caption', { text: selfdata.text('import.mapping.check') }),
            selfdata.create('thead', {}, [selfdata.create('tr', {}, ['import.mapping.where', 'import.mapping.readDate',
                'import.mapping.readAmount', 'import.mapping.readLabel'].map(key => selfdata.create('th',
                { scope: 'col', text: selfdata.text(key) })))]),
            selfdata.create('tbody')]);
    }

    function showRows(table, rows) {
        table.tBodies[0].replaceChildren(...rows.map(row => row.problem !== undefined
            ? selfdata.create('tr', { className: 'unreadable' }, [selfdata.create('td', { text: lineOf(row.position) }),
                selfdata.create('td', { colspan: '3', className: 'error', text: row.problem })])
            : selfdata.create('tr', {}, [selfdata.create('td', { text: lineOf(row.position) }),
                selfdata.create('td', { text: day(row.date) }),
                selfdata.create('td', { className: 'number', text: selfdata.money(row.amount, row.currency) }),
                selfdata.create('td', { text: row.label || '—' })])));
    }

    /**
     * Offers the form under the file's entry when its first rows suggest a mapping; says nothing otherwise, since the
     * refusal is already shown. `importAgain(file)` imports the file again once the mapping is saved.
     */
    async function offer(entry, importAgain) {
        const head = await headOf(entry.file);
        let guess;
        try {
            guess = await selfdata.api('/api/v1/csv-mappings/guess', { method: 'POST', json: { head } });
        } catch (failure) {
            if (failure.status === undefined) {
                throw failure;
            }
            return;
        }
        const prefix = 'import-mapping-' + forms++;
        const controls = build(prefix, guess);
        const table = checkTable(prefix + '-check');
        const status = selfdata.create('p', { id: prefix + '-status', className: 'mapping-status', role: 'status' });
        const send = selfdata.create('button', { id: prefix + '-send', type: 'submit',
            text: selfdata.text('import.mapping.send') });
        const form = selfdata.create('form', { id: prefix, className: 'mapping', 'aria-labelledby': prefix + '-title' }, [
            selfdata.create('h4', { id: prefix + '-title', text: selfdata.text('import.mapping.title') }),
            selfdata.create('p', { text: selfdata.text(guess.saved ? 'import.mapping.savedIntro' : 'import.mapping.intro') }),
            previewTable(prefix + '-preview', guess),
            ...layout(prefix, guess, controls),
            table, status, selfdata.create('p', {}, [send])]);
        entry.item.append(form);
        showAmountColumns(controls);
        let timer = null;
        let asked = 0;
        async function check() {
            const mine = ++asked;
            try {
                const read = await selfdata.api('/api/v1/csv-mappings/check', { method: 'POST',
                    json: { head, mapping: mappingOf(guess, controls) } });
                if (mine === asked) {
                    showRows(table, read.rows);
                    status.className = 'mapping-status';
                    status.textContent = '';
                }
            } catch (failure) {
                if (failure.status === undefined) {
                    throw failure;
                }
                if (mine === asked) {
                    table.tBodies[0].replaceChildren();
                    status.className = 'mapping-status error';
                    status.textContent = selfdata.text('import.mapping.invalid', failure.problem && failure.problem.detail || '');
                }
            }
        }
        form.addEventListener('input', () => {
            showAmountColumns(controls);
            clearTimeout(timer);
            timer = setTimeout(() => check().catch(selfdata.fail), CHECK_DELAY_MILLISECONDS);
        });
        form.addEventListener('submit', async event => {
            event.preventDefault();
            try {
                await selfdata.api('/api/v1/csv-mappings', { method: 'POST',
                    json: { head, mapping: mappingOf(guess, controls) } });
            } catch (failure) {
                if (failure.status === undefined) {
                    throw failure;
                }
                status.className = 'mapping-status error';
                status.textContent = selfdata.text('import.mapping.notSaved', failure.problem && failure.problem.detail || '');
                return;
            }
            form.querySelectorAll('input, select, button').forEach(control => { control.disabled = true; });
            status.className = 'mapping-status';
            status.textContent = selfdata.text('import.mapping.saved');
            importAgain(entry.file);
        });
        await check();
        selfdata.element('import-announcer').textContent = selfdata.text('import.mapping.offered', entry.file.name);
    }

    return { offer };
})();
