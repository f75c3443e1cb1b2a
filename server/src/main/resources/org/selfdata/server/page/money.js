'use strict';
// The money page: being built.
selfdata.start(() => {});
