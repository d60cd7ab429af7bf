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
  /* Hours typed as a number alone ("22.5", the hint's own example) or with "hours" read
   * "22.5 hours a week", so the post details say "22.5 hours a week (0.6 whole-time
   * equivalent)" on the page, on paper and in the Word file. Other wording is kept as typed.
   * The same rule as macros/jobdesc/content.py hours_text. */
  function hoursText(value) {
    var match = /^(\d+(?:\.\d+)?)(?:\s*(?:hours?|hrs?)(?:\s+(?:a|per)\s+week)?)?$/i.exec(value);
    return match ? match[1] + " hours a week" : value;
  }

  function shown(name, value) {
    if (name === "hours") {
      return hoursText(value);
    }
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (name === "closing_date" && match) {
      var month = MONTHS[Number(match[2]) - 1];
      if (month) {
        return Number(match[3]) + " " + month + " " + match[1];
      }
    }
    return value;
  }

  /* The closing date from its day, month and year boxes (the GOV.UK date input), checked:
   * a real date, not before today, and within the next 12 months. Returns
   * {iso: "2027-03-10"} (iso "" when all three are empty) or {error, part}: the message and
   * the first box to fix. `today` is a Date at local midnight. */
  function checkClosingDate(day, month, year, today) {
    day = day.trim();
    month = month.trim();
    year = year.trim();
    if (!day && !month && !year) {
      return { iso: "" };
    }
    var missing = [["day", day], ["month", month], ["year", year]].filter(function (part) { return !part[1]; });
    if (missing.length) {
      return {
        error: "Closing date must include a " + missing.map(function (part) { return part[0]; }).join(" and a "),
        part: missing[0][0]
      };
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
      return { error: "Closing date must be a real date, written in numbers", part: /^\d{1,2}$/.test(day) ? (/^\d{1,2}$/.test(month) ? "year" : "month") : "day" };
    }
    if (year.length !== 4) {
      return { error: "Year must include 4 numbers", part: "year" };
    }
    var d = Number(day), m = Number(month), y = Number(year);
    var date = new Date(y, m - 1, d);
    if (m < 1 || m > 12 || date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
      return { error: "Closing date must be a real date", part: m < 1 || m > 12 ? "month" : "day" };
    }
    if (date < today) {
      return { error: "Closing date must be today or in the future", part: "day" };
    }
    var latest = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate());
    if (date > latest) {
      return { error: "Closing date must be within the next 12 months", part: "year" };
    }
    return { iso: y + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d };
  }

  /* Hours a week and whole-time equivalent from each other: 37.5 hours a week is 1.0. */
  var FULL_TIME_HOURS = 37.5;

  function numberIn(text) {
    var match = /(\d+(?:\.\d+)?)/.exec(text);
    return match ? Number(match[1]) : null;
  }

  function trimmed(value, places) {
    return String(Number(value.toFixed(places)));
  }

  function wteFromHours(text) {
    var hours = numberIn(text);
    return hours === null || hours <= 0 || hours > FULL_TIME_HOURS ? null : trimmed(hours / FULL_TIME_HOURS, 2);
  }

  function hoursFromWte(text) {
    var wte = numberIn(text);
    return wte === null || wte <= 0 || wte > 1 ? null : trimmed(wte * FULL_TIME_HOURS, 2) + " hours a week";
  }

  window.hubJobDescription = {
    checkClosingDate: checkClosingDate,
    hoursText: hoursText,
    wteFromHours: wteFromHours,
    hoursFromWte: hoursFromWte
  };

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

    /* The closing date's boxes, its hidden checked value, and the GOV.UK error pattern. */
    var dateValue = form.querySelector("[data-jd-date-value]");
    var parts = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-jd-date-part]"), function (box) {
      parts[box.getAttribute("data-jd-date-part")] = box;
    });
    var dateGroup = form.querySelector("[data-jd-date-group]");
    var dateMessage = form.querySelector("[data-jd-error-message]");
    var summary = form.querySelector("[data-jd-error-summary]");
    var summaryList = form.querySelector("[data-jd-error-list]");
    /* As in GOV.UK services, errors show when the reader tries to go on (download, print or
     * copy the link), not while they type; once shown, they follow each change. */
    var dateShown = false;
    var fromAddress = dateValue && /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateValue.value);
    if (fromAddress) {
      parts.day.value = String(Number(fromAddress[3]));
      parts.month.value = String(Number(fromAddress[2]));
      parts.year.value = fromAddress[1];
    }

    function today() {
      var now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate());
    }

    function dateCheck() {
      if (!dateValue) {
        return { iso: "" };
      }
      return checkClosingDate(parts.day.value, parts.month.value, parts.year.value, today());
    }

    function showErrors(result) {
      if (!dateValue) {
        return;
      }
      var error = result.error && dateShown ? result : null;
      dateGroup.classList.toggle("jd-form__field--error", Boolean(error));
      dateMessage.hidden = !error;
      dateMessage.textContent = "";
      Object.keys(parts).forEach(function (name) {
        parts[name].classList.toggle("jd-date__input--error", Boolean(error) && (error.part === name || /real date$/.test(error.error) && name !== "year" && error.part !== "year"));
        if (error && error.part === name) {
          parts[name].setAttribute("aria-invalid", "true");
        } else {
          parts[name].removeAttribute("aria-invalid");
        }
      });
      var fieldset = dateGroup.querySelector("fieldset");
      fieldset.setAttribute("aria-describedby", "jd-closing_date-hint" + (error ? " jd-closing_date-error" : ""));
      summaryList.textContent = "";
      summary.hidden = !error;
      if (error) {
        var hidden = document.createElement("span");
        hidden.className = "jd-visually-hidden";
        hidden.textContent = "Error: ";
        dateMessage.appendChild(hidden);
        dateMessage.appendChild(document.createTextNode(error.error));
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + parts[error.part].id;
        link.textContent = error.error;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          parts[error.part].focus();
        });
        item.appendChild(link);
        summaryList.appendChild(item);
      }
    }

    function syncDate() {
      if (!dateValue) {
        return true;
      }
      var result = dateCheck();
      dateValue.value = result.error ? "" : result.iso;
      showErrors(result);
      return !result.error;
    }

    /* Before anything is downloaded, printed or copied: check, and stop while an error stands. */
    function readyToLeave() {
      dateShown = true;
      if (syncDate()) {
        return true;
      }
      summary.focus();
      return false;
    }
    form.addEventListener("jd:before-download", function (event) {
      if (!readyToLeave()) {
        event.preventDefault();
      }
    });

    /* Hours and whole-time equivalent: typing one works out the other. */
    var hoursInput = form.querySelector('input[name="hours"]');
    var wteInput = form.querySelector('input[name="wte"]');
    if (hoursInput && wteInput) {
      hoursInput.addEventListener("input", function () {
        var wte = wteFromHours(hoursInput.value);
        wteInput.value = hoursInput.value.trim() ? (wte === null ? "" : wte) : "";
      });
      wteInput.addEventListener("input", function () {
        var hours = hoursFromWte(wteInput.value);
        hoursInput.value = wteInput.value.trim() ? (hours === null ? "" : hours) : "";
      });
    }

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

    /* Pay fields start filled in from data/figures.yaml: only a changed value goes in the address. */
    var prefilled = {};
    inputs.forEach(function (input) {
      prefilled[input.name] = input.defaultValue;
    });

    function remember(values) {
      var query = new URLSearchParams(window.location.search);
      Object.keys(values).forEach(function (name) {
        if (values[name] && values[name] !== prefilled[name]) {
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
      syncDate();
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
        dateShown = false;
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
      if (!readyToLeave()) {
        return;
      }
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
    syncDate();
    apply();
  }

  window.hubOnEveryPage(init);
})();
