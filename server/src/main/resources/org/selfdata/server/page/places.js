'use strict';
// The places page: being built.
selfdata.start(() => {});
