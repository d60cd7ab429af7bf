/* The cost calculator under the worked cost (macros/figures/templates/cost.html).
 *
 * The figures are the page's: data-points (each point of the pay figure and its full-time
 * amount) and data-rates (each employer's rate: percent, and the pay a year it is not
 * charged on), made at build time from data/figures.yaml. The sums and the rounding are
 * those of macros/figures/cost.py (whole pounds, halves up), so the calculator and the
 * worked example agree. data-period says what the figures are ("2026/27 pay", and any rate
 * carried into that year unconfirmed), worked out at build time like the worked example's. Without JavaScript the form stays hidden and the worked example
 * stands alone.
 */
(function () {
  "use strict";

  var FULL_TIME_PENCE_HOURS = 3750; // 37.5 hours a week, in hundredths of an hour

  function money(pounds) {
    return "£" + pounds.toLocaleString("en-GB");
  }

  // "22.5" as 2250 hundredths of an hour; null when it is not a number of hours.
  function hundredths(text) {
    var match = /^\s*(\d{1,2})(?:\.(\d{1,2}))?\s*$/.exec(text);
    if (!match) {
      return null;
    }
    var fraction = (match[2] || "").padEnd(2, "0");
    return parseInt(match[1], 10) * 100 + parseInt(fraction || "0", 10);
  }

  // "4,250" or "£4250" as 4250; "" as undefined; null when it is not whole pounds.
  function pounds(text) {
    var cleaned = text.replace(/[£,\s]/g, "");
    if (cleaned === "") {
      return undefined;
    }
    return /^\d{1,7}$/.test(cleaned) ? parseInt(cleaned, 10) : null;
  }

  // The percent as a whole number of hundredths of a per cent: "14.38" as 1438.
  function basisPoints(percent) {
    var parts = String(percent).split(".");
    return parseInt(parts[0], 10) * 100 + parseInt(((parts[1] || "") + "00").slice(0, 2), 10);
  }

  function costs(fullTime, hoursHundredths, rates) {
    var salary = Math.round((fullTime * hoursHundredths) / FULL_TIME_PENCE_HOURS);
    var onCosts = rates.map(function (rate) {
      var charged = Math.max(0, salary - rate.above);
      return Math.round((charged * basisPoints(rate.percent)) / 10000);
    });
    var total = onCosts.reduce(function (sum, amount) { return sum + amount; }, salary);
    return { salary: salary, onCosts: onCosts, total: total };
  }

  function setUp() {
    var form = document.querySelector("[data-cost-calculator]");
    if (!form || form.hasAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "");
    var points = JSON.parse(form.getAttribute("data-points"));
    var rates = JSON.parse(form.getAttribute("data-rates"));
    var period = form.getAttribute("data-period");
    var point = form.querySelector("#cost-point");
    var hours = form.querySelector("#cost-hours");
    var maximum = form.querySelector("#cost-maximum");
    var result = form.querySelector("[data-cost-result]");

    function line(text, strong) {
      var p = document.createElement("p");
      if (strong) {
        var b = document.createElement("strong");
        b.textContent = text;
        p.appendChild(b);
      } else {
        p.textContent = text;
      }
      result.appendChild(p);
    }

    function update() {
      result.textContent = "";
      var chosen = points[parseInt(point.value, 10)];
      var h = hundredths(hours.value);
      if (h === null || h <= 0 || h > FULL_TIME_PENCE_HOURS) {
        hours.setAttribute("aria-invalid", "true");
        line("Enter the hours a week as a number more than 0 and up to 37.5, like 22.5.");
        return;
      }
      hours.removeAttribute("aria-invalid");
      var worked = costs(chosen[1], h, rates);
      line(
        "Salary " + money(worked.salary) + " and on-costs " +
        money(worked.total - worked.salary) + ": " + money(worked.total) +
        " a year to the employer (" + period + ")."
      );
      var most = pounds(maximum.value);
      if (most === null) {
        maximum.setAttribute("aria-invalid", "true");
        line("Enter the most ARRS pays back in whole pounds, like 56000.");
        return;
      }
      maximum.removeAttribute("aria-invalid");
      if (most === undefined) {
        line("Enter the most ARRS pays back for this post to see the cost to your network.");
        return;
      }
      var paidBack = Math.min(worked.total, most);
      line(
        "ARRS pays back " + money(paidBack) + ". The cost to your network is " +
        money(worked.total - paidBack) + " a year.",
        true
      );
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.hidden = false;
    update();
  }

  window.hubOnEveryPage(setUp);
})();
