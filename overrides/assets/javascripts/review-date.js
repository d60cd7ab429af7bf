/* Re-check each page's review date in the reader's browser.
 *
 * The site is rebuilt daily, but a copy can be read after its review date has passed
 * (a cached page, a missed rebuild). The "may be out of date" notice is in every page
 * that has a review date, hidden unless the page was overdue when built: this shows it
 * once the reader's own date is past the review date. Dates are compared as
 * YYYY-MM-DD text in the reader's local time zone.
 */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function showOverdueNotices() {
    var notices = document.querySelectorAll("[data-hub-review-notice][data-hub-next-review]");
    var date = today();
    for (var i = 0; i < notices.length; i++) {
      if (date > notices[i].getAttribute("data-hub-next-review")) {
        notices[i].hidden = false;
      }
    }
  }

  window.hubOnEveryPage(showOverdueNotices);
})();
