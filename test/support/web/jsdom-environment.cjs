// jsdom as the browser for component tests, with the Fetch API's Response, Headers and Request that a
// browser has and jsdom lacks: the tests replace `fetch` and answer with real Response objects.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchTypes extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { Response, Headers, Request, TextEncoder, TextDecoder, ReadableStream, structuredClone });
  }
}

module.exports = JsdomWithFetchTypes;
