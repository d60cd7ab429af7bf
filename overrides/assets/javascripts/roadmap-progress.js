/* The roadmap pathway's checklist: keeps the reader's ticks in this browser.
 *
 * Ticks are saved in localStorage under the key the page gives (data-storage-key,
 * named on the privacy page) as {"version": 1, "ticked": ["item-id", ...]}. Nothing
 * leaves the browser: no server, no cookie. Without JavaScript the page is a plain
 * list with checkboxes, and prints as a paper checklist either way.
 */
(function () {
  "use strict";

  function readTicks(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      if (saved && Array.isArray(saved.ticked)) {
        return saved.ticked.filter(function (id) { return typeof id === "string"; });
      }
    } catch (error) {
      /* Unreadable or blocked storage: start with nothing ticked. */
    }
    return [];
  }

  function writeTicks(key, ticked) {
    try {
      if (ticked.length) {
        window.localStorage.setItem(key, JSON.stringify({ version: 1, ticked: ticked }));
      } else {
        window.localStorage.removeItem(key);
      }
      return true;
    } catch (error) {
      return false;
    }
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function setUp() {
    var controls = document.querySelector("[data-hub-roadmap]");
    if (!controls || controls.hasAttribute("data-ready")) {
      return;
    }
    controls.setAttribute("data-ready", "");
    var key = controls.getAttribute("data-storage-key");
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-roadmap-item]"));
    var status = controls.querySelector("[data-roadmap-status]");
    var overall = controls.querySelector("[data-roadmap-overall]");

    function say(message) {
      status.textContent = message;
    }

    function showProgress() {
      var done = 0;
      document.querySelectorAll("[data-roadmap-progress]").forEach(function (panel, index) {
        var step = panel.getAttribute("data-roadmap-progress");
        var inStep = boxes.filter(function (box) { return box.getAttribute("data-step") === step; });
        var ticked = inStep.filter(function (box) { return box.checked; }).length;
        done += ticked;
        panel.querySelector("progress").value = ticked;
        panel.querySelector("span").textContent =
          "Step " + (index + 1) + ": " + ticked + " of " + inStep.length + " ticked" +
          (ticked === inStep.length ? ", step complete" : "");
        panel.classList.toggle("hub-step__progress--complete", ticked === inStep.length);
        panel.hidden = false;
      });
      overall.textContent = "You have ticked " + done + " of " + plural(boxes.length, "item") + ".";
    }

    function save() {
      var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) {
        return box.getAttribute("data-roadmap-item");
      });
      if (!writeTicks(key, ticked)) {
        say("Your browser is not letting this page save ticks, so they will be lost when you leave.");
      }
    }

    var saved = readTicks(key);
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(box.getAttribute("data-roadmap-item")) !== -1;
      box.addEventListener("change", function () {
        save();
        showProgress();
      });
    });

    controls.querySelector("[data-roadmap-clear]").addEventListener("click", function () {
      if (!boxes.some(function (box) { return box.checked; })) {
        say("There are no ticks to clear.");
        return;
      }
      if (!window.confirm("Clear all your ticks on this page? This cannot be undone.")) {
        return;
      }
      boxes.forEach(function (box) { box.checked = false; });
      writeTicks(key, []);
      showProgress();
      say("Your progress has been cleared.");
    });
    controls.querySelector("[data-roadmap-print]").addEventListener("click", function () {
      window.print();
    });

    controls.hidden = false;
    showProgress();
  }

  window.hubOnEveryPage(setUp);
})();
