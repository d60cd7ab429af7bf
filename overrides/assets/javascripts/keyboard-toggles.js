/* Keyboard access to Material's toggles (issue 6); see overrides/main.html. A file, not an inline
   script, so the site's policy needs no inline script (SECURITY.md). */
(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".hub-menu-button");
  if (drawer && button) {
    button.addEventListener("click", function () { drawer.click(); });
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    });
  }
  document.querySelectorAll(".md-search__scrollwrap").forEach(function (box) {
    var list = box.querySelector(".md-search-result__list");
    var update = function () { box.tabIndex = list && list.children.length ? 0 : -1; };
    update();
    if (list) { new MutationObserver(update).observe(list, { childList: true }); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target instanceof HTMLLabelElement
        && target.htmlFor && target.tabIndex >= 0) {
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      if (button) { button.focus(); }
    }
  });
})();
