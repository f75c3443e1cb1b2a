'use strict';
// The import page: being built.
selfdata.start(() => {});
