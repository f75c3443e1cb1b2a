'use strict';
// The account page: being built.
selfdata.start(() => {});
