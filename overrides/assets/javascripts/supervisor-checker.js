/* The roadmap supervisor checker: one question at a time, then the answer.
 *
 * The rules are the page's JSON (data-hub-checker-rules), made at build time from
 * data/supervisors.yaml: for each question, each answer leads to "question:<id>",
 * "eligible:<route id>" or "not-eligible:<reason id>". The build's Python function
 * `decide` follows the same rules; the browser tests check both agree on every path.
 * Every result panel is already in the page: this script only shows and hides. Without
 * JavaScript the checker stays hidden and the route list below it answers the question.
 */
(function () {
  "use strict";

  function setUp() {
    var root = document.querySelector("[data-hub-checker]");
    if (!root || root.hasAttribute("data-ready")) {
      return;
    }
    root.setAttribute("data-ready", "");
    var rules = JSON.parse(root.querySelector("[data-hub-checker-rules]").textContent);
    var form = root.querySelector("form");
    var continueButton = form.querySelector(".hub-checker__continue");
    var result = root.querySelector("[data-hub-checker-result]");
    var fieldsets = {};
    root.querySelectorAll("[data-question]").forEach(function (fieldset) {
      fieldsets[fieldset.getAttribute("data-question")] = fieldset;
    });
    // The questions on screen, in the order they were asked.
    var shown = [rules.start];

    function chosen(questionId) {
      var checked = fieldsets[questionId].querySelector("input:checked");
      return checked ? checked.value : null;
    }

    function showError(questionId, visible) {
      var fieldset = fieldsets[questionId];
      var error = fieldset.querySelector(".hub-checker__error");
      error.hidden = !visible;
      fieldset.classList.toggle("hub-checker__question--error", visible);
      var described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== error.id;
      });
      if (visible) {
        described.push(error.id);
      }
      if (described.length) {
        fieldset.setAttribute("aria-describedby", described.join(" "));
      } else {
        fieldset.removeAttribute("aria-describedby");
      }
    }

    function hideResult() {
      result.hidden = true;
      result.querySelectorAll("[data-outcome]").forEach(function (panel) { panel.hidden = true; });
      continueButton.hidden = false;
    }

    function forgetAfter(position) {
      // Questions after a changed answer may no longer apply: hide and clear them.
      shown.slice(position + 1).forEach(function (questionId) {
        var fieldset = fieldsets[questionId];
        fieldset.hidden = true;
        fieldset.querySelectorAll("input").forEach(function (input) { input.checked = false; });
        showError(questionId, false);
      });
      shown = shown.slice(0, position + 1);
      hideResult();
    }

    function showOutcome(outcome) {
      var panel = result.querySelector('[data-outcome="' + outcome + '"]');
      result.hidden = false;
      panel.hidden = false;
      continueButton.hidden = true;
      panel.querySelector("h2").focus();
    }

    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("[data-question]");
      if (!fieldset) {
        return;
      }
      var questionId = fieldset.getAttribute("data-question");
      showError(questionId, false);
      forgetAfter(shown.indexOf(questionId));
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var current = shown[shown.length - 1];
      var answer = chosen(current);
      if (answer === null) {
        showError(current, true);
        fieldsets[current].querySelector("input").focus();
        return;
      }
      var leadsTo = rules.questions[current][answer];
      var colon = leadsTo.indexOf(":");
      var kind = leadsTo.slice(0, colon);
      var target = leadsTo.slice(colon + 1);
      if (kind === "question") {
        shown.push(target);
        fieldsets[target].hidden = false;
        fieldsets[target].focus();
      } else {
        showOutcome(leadsTo);
      }
    });

    root.querySelector("[data-hub-checker-restart]").addEventListener("click", function () {
      forgetAfter(0);
      fieldsets[rules.start].querySelectorAll("input").forEach(function (input) { input.checked = false; });
      fieldsets[rules.start].focus();
    });

    root.hidden = false;
  }

  window.hubOnEveryPage(setUp);
})();
