'use strict';
// The energy page: being built.
selfdata.start(() => {});
