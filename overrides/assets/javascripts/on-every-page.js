/* Runs a page script's set-up once the page is there: on every page Material's instant
 * navigation shows (it swaps pages without reloading scripts and announces each one on
 * document$), or else once the document is ready. The hub's other scripts call it, so
 * this file is listed first under extra_javascript in mkdocs.yml.
 */
window.hubOnEveryPage = function (setUp) {
  "use strict";
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
};
