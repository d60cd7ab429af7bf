/* Job description page: fill the template's placeholders from a short form.
 *
 * What the manager types stays in the browser: nothing is sent anywhere. The values are
 * written into the page's address (?employer=...&hours=...) with history.replaceState,
 * which makes no request, so the adapted version can be bookmarked or shared; opening
 * that address fills the form and the page again. Without JavaScript the form stays
 * hidden and the page shows the full template with every placeholder.
 */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var MAX_LENGTH = 200;

  /* A closing date from the date picker (2027-01-31) reads as 31 January 2027. */
  function shown(name, value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (name === "closing_date" && match) {
      var month = MONTHS[Number(match[2]) - 1];
      if (month) {
        return Number(match[3]) + " " + month + " " + match[1];
      }
    }
    return value;
  }

  // Values that came in the page's address: anyone can make such a link, so say which
  // details it filled in, above the form, before the reader downloads or prints (issue 19).
  // Built with textContent: nothing from the address becomes markup.
  function noticeValuesFromAddress(form, inputs, params) {
    var labels = inputs.filter(function (input) {
      return params.get(input.name);
    }).map(function (input) {
      var label = form.querySelector('label[for="' + input.id + '"]');
      return label ? label.textContent.trim() : input.name;
    });
    if (!labels.length || document.querySelector("[data-jd-from-address]")) {
      return;
    }
    var notice = document.createElement("div");
    notice.className = "admonition warning jd-from-address";
    notice.setAttribute("data-jd-from-address", "");
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Check the details this link filled in";
    var text = document.createElement("p");
    text.textContent = "The link you opened filled in: " + labels.join(", ") + ". Anyone can make a link " +
      "like this, so check each of these in the form below before you download, print or share " +
      "this job description.";
    notice.appendChild(title);
    notice.appendChild(text);
    form.parentNode.insertBefore(notice, form);
  }

  function init() {
    var form = document.querySelector("[data-jd-form]");
    if (!form || form.getAttribute("data-jd-ready")) {
      return;
    }
    form.setAttribute("data-jd-ready", "true");
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
    var status = form.querySelector("[data-jd-status]");
    var spans = Array.prototype.slice.call(document.querySelectorAll(".jd-document .jd-field[data-field]"));
    spans.forEach(function (span) {
      span.setAttribute("data-jd-template", span.textContent);
    });

    var params = new URLSearchParams(window.location.search);
    inputs.forEach(function (input) {
      var value = params.get(input.name);
      if (value) {
        input.value = value.slice(0, MAX_LENGTH);
      }
    });

    function apply() {
      var values = {};
      inputs.forEach(function (input) {
        values[input.name] = input.value.trim();
      });
      spans.forEach(function (span) {
        var name = span.getAttribute("data-field");
        if (!Object.prototype.hasOwnProperty.call(values, name)) {
          return;
        }
        var value = values[name];
        span.textContent = value ? shown(name, value) : span.getAttribute("data-jd-template");
        span.classList.toggle("jd-field--empty", !value);
        span.classList.toggle("jd-field--filled", Boolean(value));
      });
      return values;
    }

    function remember(values) {
      var query = new URLSearchParams(window.location.search);
      Object.keys(values).forEach(function (name) {
        if (values[name]) {
          query.set(name, values[name]);
        } else {
          query.delete(name);
        }
      });
      var search = query.toString();
      var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
    }

    function update() {
      remember(apply());
    }

    function say(message) {
      if (status) {
        status.textContent = message;
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    form.addEventListener("reset", function () {
      /* The browser clears the inputs after this event: update once it has. */
      window.setTimeout(function () {
        update();
        say("The form is clear: the job description shows its placeholders again.");
      }, 0);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-jd-action]");
      if (!button) {
        return;
      }
      var action = button.getAttribute("data-jd-action");
      if (action === "print") {
        window.print();
      } else if (action === "copy") {
        var address = window.location.href;
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(address).then(function () {
            say("Link copied. Paste it into an email or a bookmark to come back to this version.");
          }, function () {
            say("Your browser did not let us copy the link: copy this page's address from the address bar.");
          });
        } else {
          say("Copy this page's address from the address bar to share this version.");
        }
      }
    });

    form.hidden = false;
    noticeValuesFromAddress(form, inputs, params);
    Array.prototype.forEach.call(document.querySelectorAll("[data-jd-no-script]"), function (note) {
      note.hidden = true;
    });
    apply();
  }

  window.hubOnEveryPage(init);
})();
