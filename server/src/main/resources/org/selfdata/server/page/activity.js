'use strict';
// The activity page: being built.
selfdata.start(() => {});
