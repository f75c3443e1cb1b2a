'use strict';
// The sharing page: being built.
selfdata.start(() => {});
