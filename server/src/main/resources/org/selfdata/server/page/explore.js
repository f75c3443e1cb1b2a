'use strict';
// The explore page: being built.
selfdata.start(() => {});
