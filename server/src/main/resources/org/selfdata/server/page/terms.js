'use strict';
// A grant's terms and a recipient's declaration in words, as the sharing and consent pages write them: purposes,
// data, precisions, periods and durations in the page's language, never as the codes the API speaks.
const terms = (() => {
    const DIMENSIONS = ['location', 'amount', 'time', 'identifiers'];

    /** A term as a key of the page's words: `h3:7` is `h3-7`, `eu-gdpr:A6-1-a` is `eu-gdpr-A6-1-a`. */
    function key(term) {
        return term.replaceAll(':', '-');
    }

    function precisionWord(dimension, value) {
        const words = selfdata.textOr('terms.' + dimension + '.' + key(value), null);
        if (words !== null) {
            return words;
        }
        return value.startsWith('h3:') ? selfdata.text('terms.location.h3', value.substring(3)) : value;
    }

    /**
     * The precision of the dimensions given, in words: those the data has fields in, so that a grant of places says
     * nothing of amounts. Without `dimensions`, every one.
     */
    function precisionLine(precision, dimensions = DIMENSIONS) {
        const shown = DIMENSIONS.filter(dimension => dimensions.includes(dimension));
        return shown.map(dimension => selfdata.text('terms.dimension.' + dimension + 'Is',
            precisionWord(dimension, precision[dimension]))).join(', ');
    }

    function categoryWord(term) {
        return selfdata.textOr('terms.category.' + term.replace(/^pd:/, ''), term);
    }

    function dataLine(types, categories) {
        const words = categories.map(categoryWord).concat(types.map(selfdata.typeName));
        return words.length === 0 ? selfdata.text('terms.nothing') : words.join(', ');
    }

    function fieldWord(name) {
        return selfdata.textOr('record.field.' + name, name).toLocaleLowerCase(selfdata.language);
    }

    /** Free-text fields by record type, as a declaration names them: `label (Bank transactions)`. */
    function declaredFreeTextLine(fields) {
        const words = Object.entries(fields || {}).flatMap(([type, names]) => names.map(name => selfdata.text(
            'terms.freeText.field', fieldWord(name), selfdata.typeName(type))));
        return words.length === 0 ? selfdata.text('terms.freeText.none') : words.join(', ');
    }

    /** Free-text fields as a grant names them, by name alone. */
    function freeTextLine(fields) {
        return fields.length === 0 ? selfdata.text('terms.freeText.none') : fields.map(fieldWord).join(', ');
    }

    function basisWord(term) {
        return selfdata.textOr('terms.basis.' + key(term), term);
    }

    /** A DPV purpose in general terms, such as "communicating with you". */
    function purposeWord(term, fallback) {
        return selfdata.textOr('terms.purpose.' + term.replace(/^dpv:/, ''), fallback || term);
    }

    /** A number of days written as an ISO 8601 period (`P365D`), in words: "365 days". */
    function days(period) {
        const match = /^P(\d+)D$/.exec(period);
        if (!match) {
            return period;
        }
        const count = Number(match[1]);
        return count === 1 ? selfdata.text('terms.oneDay') : selfdata.text('terms.days', selfdata.number(count));
    }

    const UNITS = { Y: 'Years', M: 'Months', D: 'Days' };

    /** The part of a person's history a grant covers, such as "the last 3 years before each request". */
    function coveredWord(term) {
        if (term.startsWith('between:')) {
            const [from, to] = term.substring('between:'.length).split('/');
            return selfdata.text('terms.covered.betweenDates', selfdata.date(from), selfdata.date(to));
        }
        const listed = selfdata.textOr('terms.covered.' + key(term), null);
        if (listed !== null) {
            return listed;
        }
        const trailing = /^trailing:P(\d+)([YMD])$/.exec(term);
        return trailing ? selfdata.text('terms.covered.trailing' + UNITS[trailing[2]], selfdata.number(Number(trailing[1])))
            : term;
    }

    function kindWord(kind) {
        return selfdata.textOr('terms.kind.' + kind, kind);
    }

    function volumeLine(volumeLimit) {
        return selfdata.text('terms.volume', selfdata.number(volumeLimit));
    }

    function safeguardWord(term) {
        return selfdata.textOr('terms.safeguard.' + key(term), term);
    }

    function missing(asked, offered) {
        return (asked || []).filter(value => !(offered || []).includes(value));
    }

    /**
     * Where the terms asked go beyond those the declaration justifies, one sentence each: the difference between the
     * two, which is what the person decides on, told in their language.
     */
    function differences(asked, offered) {
        const sentences = [];
        const data = missing(asked.categories, offered.categories).map(categoryWord)
            .concat(missing(asked.types, offered.types).map(selfdata.typeName));
        if (data.length > 0) {
            sentences.push(selfdata.text('terms.differs.data', data.join(', ')));
        }
        const fields = missing(asked.fields, offered.fields);
        if (fields.length > 0) {
            sentences.push(selfdata.text('terms.differs.freeText', fields.map(fieldWord).join(', ')));
        }
        for (const dimension of DIMENSIONS.filter(name => (offered.dimensions || DIMENSIONS).includes(name))) {
            if (asked.precision[dimension] !== offered.precision[dimension]) {
                sentences.push(selfdata.text('terms.differs.precision', selfdata.text('terms.dimension.' + dimension),
                    precisionWord(dimension, asked.precision[dimension]),
                    precisionWord(dimension, offered.precision[dimension])));
            }
        }
        if (asked.retention !== offered.retention) {
            sentences.push(selfdata.text('terms.differs.retention', days(asked.retention), days(offered.retention)));
        }
        if (asked.covered !== offered.covered) {
            sentences.push(selfdata.text('terms.differs.covered', coveredWord(asked.covered), coveredWord(offered.covered)));
        }
        return sentences;
    }

    return { DIMENSIONS, key, precisionWord, precisionLine, categoryWord, dataLine, fieldWord, declaredFreeTextLine,
        freeTextLine, basisWord, purposeWord, days, coveredWord, kindWord, volumeLine, safeguardWord, differences };
})();
