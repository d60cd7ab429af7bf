/* "Copy address" buttons beside the calendar feeds on the drop-in page.
 *
 * Without JavaScript the button stays hidden and the address is plain, selectable text.
 * With it, the button shows; selecting it copies the https address (from the button's
 * data-hub-copy attribute) and says "Copied" in the feed's live region, so screen
 * readers announce it. If the browser refuses to copy, the address is selected instead
 * and the live region says how to copy it. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  function announce(button, message) {
    var status = button.closest(".hub-feed").querySelector(".hub-feed__status");
    if (!status) { return; }
    // Empty first, so the same message is announced again on a second copy.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectAddress(button) {
    var address = button.closest(".hub-feed").querySelector(".hub-feed__address");
    if (!address || !window.getSelection) { return; }
    var range = document.createRange();
    range.selectNodeContents(address);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var text = button.getAttribute("data-hub-copy");
    var failed = function () {
      selectAddress(button);
      announce(button, "Could not copy. The address is selected: copy it with your keyboard or menu.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { announce(button, "Copied"); }, failed);
    } else {
      failed();
    }
  }

  function setUp() {
    var buttons = document.querySelectorAll("button[data-hub-copy]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      if (button.getAttribute("data-hub-ready")) { continue; }
      button.setAttribute("data-hub-ready", "true");
      button.hidden = false;
      button.addEventListener("click", function (event) { copy(event.currentTarget); });
    }
  }

  // Material's instant navigation swaps pages without a reload: it announces each one on document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
