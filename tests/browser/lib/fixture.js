// The demo site on a local server and one Chromium, started before a test file's tests and
// stopped after them.
'use strict';
const { before, after } = require('node:test');
const { serve } = require('./server');
const { SITE_DIR, requireSite } = require('./site');
const b = require('./browser');

function siteAndBrowser() {
  const env = {};
  before(async () => {
    requireSite();
    env.server = await serve(SITE_DIR);
    env.browser = await b.launch();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.close();
  });
  return env;
}

module.exports = { siteAndBrowser };
