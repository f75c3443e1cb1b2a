'use strict';
// What every page's script shares: its words, the JSON API, formats in the page's language, and safe building of
// elements. Text is always set with textContent, never as HTML, so nothing from the vault can become markup or script.
const selfdata = (() => {
    const texts = JSON.parse(document.body.dataset.texts);
    const language = document.documentElement.lang;
    let csrfToken = null;
    // The signed-in person's time zone, in which every time is shown whatever the browser's: learnt from the session
    // before the page's script runs.
    let zone;

    /**
     * The page's words for a key, said with the values given. The words are ICU message patterns, the same as the
     * server formats with ICU4J: {0} is the first value, `{0, plural, one {…} other {…}}` chooses by the language's
     * plural rules and writes the number where `#` stands, `{0, select, a {…} other {…}}` chooses by value.
     */
    function text(key, ...values) {
        const words = texts[key];
        if (words === undefined) {
            throw new Error('the page has no words for ' + key);
        }
        return format(words, values);
    }

    const parsedPatterns = new Map();

    /** Formats an ICU message pattern with the values, in the page's language or the one given. */
    function format(pattern, values, inLanguage = language) {
        let parsed = parsedPatterns.get(pattern);
        if (parsed === undefined) {
            parsed = parseMessage(pattern);
            parsedPatterns.set(pattern, parsed);
        }
        return say(parsed, values, inLanguage, undefined);
    }

    function say(parts, values, inLanguage, pluralNumber) {
        return parts.map(part => {
            if (typeof part === 'string') {
                return part;
            }
            if (part.kind === 'pound') {
                return pluralNumber === undefined ? '#' : new Intl.NumberFormat(inLanguage).format(pluralNumber);
            }
            const value = values[part.argument];
            if (part.kind === 'simple') {
                return typeof value === 'number' ? new Intl.NumberFormat(inLanguage).format(value) : String(value);
            }
            if (part.kind === 'number') {
                return new Intl.NumberFormat(inLanguage, part.style === 'integer' ? { maximumFractionDigits: 0 } : {})
                    .format(Number(value));
            }
            if (part.kind === 'select') {
                const chosen = part.choices.get(String(value)) || part.choices.get('other');
                return say(chosen, values, inLanguage, pluralNumber);
            }
            const number = Number(value);
            const exact = part.choices.get('=' + number);
            if (exact !== undefined) {
                return say(exact, values, inLanguage, number - part.offset);
            }
            const category = new Intl.PluralRules(inLanguage).select(number - part.offset);
            const chosen = part.choices.get(category) || part.choices.get('other');
            return say(chosen, values, inLanguage, number - part.offset);
        }).join('');
    }

    /**
     * Parses the part of ICU's message syntax the pages use, with ICU4J's default apostrophe mode: an apostrophe
     * quotes only when it comes before a brace (or `#` within a plural) and two make one; any other is itself.
     */
    function parseMessage(pattern) {
        let position = 0;

        function fail(what) {
            throw new Error('the message pattern "' + pattern + '" ' + what + ' at ' + position);
        }

        function skipSpaces() {
            while (position < pattern.length && /\s/.test(pattern[position])) {
                position++;
            }
        }

        function word() {
            skipSpaces();
            const start = position;
            while (position < pattern.length && /[^\s{},]/.test(pattern[position])) {
                position++;
            }
            if (start === position) {
                fail('expects a word');
            }
            return pattern.slice(start, position);
        }

        function expect(character) {
            skipSpaces();
            if (pattern[position] !== character) {
                fail('expects "' + character + '"');
            }
            position++;
        }

        function message(inPlural) {
            const parts = [];
            let literal = '';
            while (position < pattern.length) {
                const character = pattern[position];
                if (character === "'") {
                    const next = pattern[position + 1];
                    if (next === "'") {
                        literal += "'";
                        position += 2;
                    } else if (next === '{' || next === '}' || next === '|' || (inPlural && next === '#')) {
                        position++;
                        while (position < pattern.length) {
                            if (pattern[position] === "'") {
                                if (pattern[position + 1] === "'") {
                                    literal += "'";
                                    position += 2;
                                    continue;
                                }
                                position++;
                                break;
                            }
                            literal += pattern[position++];
                        }
                    } else {
                        literal += "'";
                        position++;
                    }
                } else if (character === '{') {
                    if (literal) {
                        parts.push(literal);
                        literal = '';
                    }
                    position++;
                    parts.push(argument());
                } else if (character === '}') {
                    break;
                } else if (character === '#' && inPlural) {
                    if (literal) {
                        parts.push(literal);
                        literal = '';
                    }
                    parts.push({ kind: 'pound' });
                    position++;
                } else {
                    literal += character;
                    position++;
                }
            }
            if (literal) {
                parts.push(literal);
            }
            return parts;
        }

        function argument() {
            const index = Number(word());
            if (!Number.isInteger(index)) {
                fail('names an argument that is not a number');
            }
            skipSpaces();
            if (pattern[position] === '}') {
                position++;
                return { kind: 'simple', argument: index };
            }
            expect(',');
            const type = word();
            skipSpaces();
            if (type === 'number') {
                let style = '';
                if (pattern[position] === ',') {
                    position++;
                    style = word();
                }
                expect('}');
                return { kind: 'number', argument: index, style };
            }
            if (type !== 'plural' && type !== 'select') {
                fail('has an argument type the pages do not use: ' + type);
            }
            expect(',');
            let offset = 0;
            const choices = new Map();
            skipSpaces();
            while (pattern[position] !== '}') {
                const selector = word();
                if (selector.startsWith('offset:')) {
                    offset = Number(selector.slice('offset:'.length));
                    skipSpaces();
                    continue;
                }
                expect('{');
                choices.set(selector, message(type === 'plural'));
                expect('}');
                skipSpaces();
                if (position >= pattern.length) {
                    fail('is not closed');
                }
            }
            position++;
            if (!choices.has('other')) {
                fail('has no "other" choice');
            }
            return { kind: type, argument: index, offset, choices };
        }

        const parts = message(false);
        if (position < pattern.length) {
            fail('has a brace that closes nothing');
        }
        return parts;
    }

    /** The words for a key when the page has them, such as a record type's name; the key itself otherwise. */
    function textOr(key, fallback) {
        return texts[key] === undefined ? fallback : texts[key];
    }

    async function token() {
        if (csrfToken === null) {
            csrfToken = (await api('/api/v1/session')).csrfToken;
        }
        return csrfToken;
    }

    function signInAgain() {
        window.location.assign('/sign-in?next=' + encodeURIComponent(window.location.pathname + window.location.search));
    }

    /**
     * Calls the API as the signed-in owner. A body given as `json` is sent as JSON; requests that change something
     * carry the session's CSRF token. A problem response becomes an Error carrying its status and problem.
     */
    async function api(path, options = {}) {
        const method = options.method || 'GET';
        const headers = { Accept: 'application/json', 'Accept-Language': language, ...(options.headers || {}) };
        let body = options.body;
        if (options.json !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(options.json);
        }
        if (method !== 'GET' && !path.startsWith('/api/v1/session')) {
            headers['X-CSRF-Token'] = await token();
        }
        const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
        if (response.status === 401 && document.body.dataset.page !== 'sign-in') {
            signInAgain();
        }
        if (response.status === 204) {
            return null;
        }
        const type = response.headers.get('Content-Type') || '';
        const answer = type.includes('json') ? await response.json() : await response.text();
        if (!response.ok) {
            const failure = new Error(answer.detail || response.statusText);
            failure.status = response.status;
            failure.problem = answer;
            throw failure;
        }
        return answer;
    }

    function element(id) {
        return document.getElementById(id);
    }

    /** A new element: `properties` may hold text, className, and attributes; children are elements or strings. */
    function create(tag, properties = {}, children = []) {
        const created = document.createElement(tag);
        for (const [name, value] of Object.entries(properties)) {
            if (value === undefined || value === null || value === false) {
                continue;
            }
            if (name === 'text') {
                created.textContent = value;
            } else if (name === 'className') {
                created.className = value;
            } else {
                created.setAttribute(name, value === true ? '' : value);
            }
        }
        created.append(...children);
        return created;
    }

    /** Replaces a table body's rows: one row per item, its cells from `cells(item)` (strings, numbers or elements). */
    function rows(tbody, items, cells) {
        tbody.replaceChildren(...items.map(item => create('tr', {}, cells(item).map(cell => {
            if (cell instanceof Node) {
                return create('td', {}, [cell]);
            }
            if (typeof cell === 'number') {
                return create('td', { text: number(cell), className: 'number' });
            }
            return create('td', { text: cell ?? '—' });
        }))));
    }

    function fail(error) {
        const failure = element('failure');
        failure.textContent = text('common.failure', error.message);
        failure.hidden = false;
    }

    function number(value, digits) {
        return Number(value).toLocaleString(language, digits === undefined ? {} : { maximumFractionDigits: digits });
    }

    function money(amount, currency) {
        return new Intl.NumberFormat(language, { style: 'currency', currency: currency || 'EUR' }).format(Number(amount));
    }

    /** A day in the person's time zone. */
    function date(iso) {
        return iso ? new Date(iso).toLocaleDateString(language, { dateStyle: 'medium', timeZone: zone }) : '—';
    }

    /** A calendar day the API gives as such (2026-12-06), the same day whatever the time zone. */
    function day(iso) {
        return iso ? new Date(iso + 'T00:00:00Z').toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' })
            : '—';
    }

    /** A day and time in the person's time zone. */
    function dateTime(iso) {
        return iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
            : '—';
    }

    /** Learns the person's time zone from the session, on every page but the one that starts a session. */
    async function person() {
        if (document.body.dataset.page === 'sign-in') {
            return;
        }
        const session = await api('/api/v1/session');
        csrfToken = session.csrfToken;
        zone = session.person.zone;
    }

    function period(fromIso, toIso) {
        return fromIso ? date(fromIso) + ' – ' + date(toIso) : '—';
    }

    /** The name of a record type in the page's language, such as "Bank transactions". */
    function typeName(type) {
        return textOr('type.' + type, type);
    }

    /** The name of a category of personal data (pd:Transaction) in the page's language; the term when it has none. */
    function categoryName(term) {
        return textOr('category.' + String(term).replace(/^pd:/, ''), term);
    }

    /** A file the API gave, offered to the person as a download. */
    function download(name, content, mediaType) {
        const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
        const link = create('a', { href: url, download: name });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    /** Runs the page's script once the document is read, showing any failure on the page. */
    function start(run) {
        const signOut = element('sign-out');
        if (signOut) {
            signOut.addEventListener('click', () => api('/api/v1/session', { method: 'DELETE' })
                .then(() => window.location.assign('/sign-in'), fail));
        }
        person().then(run).catch(fail);
    }

    return { language, text, format, textOr, api, element, create, rows, fail, number, money, date, day, dateTime, period, typeName, categoryName,
        download, start, signInAgain };
})();
