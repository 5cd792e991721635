// Stylesheets mean nothing to jsdom: an import of a .css file is an empty module in component tests.
module.exports = {};
