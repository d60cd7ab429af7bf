/* Material's toggles as buttons, and where focus goes when they close (issue 15).
 *
 * Material opens and closes each navigation section, the phone menu's table of contents
 * and the search with a <label> for a hidden tick box. Screen readers meet those labels
 * with no role and no open or closed state (WCAG 4.1.2 Name, Role, Value). The templates
 * mark each such label with data-hub-toggle (overrides/partials/nav-item.html, toc.html,
 * header.html, search.html); this script puts a <button> in its place, with the label's
 * classes, id and `for` (Material's styles select on them), and keeps its aria-expanded in
 * step with the tick box. Without JavaScript the labels stay and work as in Material.
 *
 * A section heading on a wide screen (Material's "section" items) opens nothing there, so
 * its label stays beside the button and hub.css shows the one that fits the screen.
 *
 * Focus is never left where the reader cannot see it:
 * - the menu button opens the phone menu over the page: focus moves into the menu;
 * - in the phone menu an open section slides over the list it came from: opening one moves
 *   focus to its title (the "back" button); closing it moves focus back to the button that
 *   opened it;
 * - Escape closes the search and Material then drops focus on the page itself: focus goes
 *   back to the control that opened the search, or, when the search was opened by typing
 *   in it or by its "/" shortcut, to the search button (WCAG 2.4.3 Focus Order).
 */
(function () {
  "use strict";

  // Material's breakpoint below which the navigation is the sliding phone menu.
  var phoneMenu = window.matchMedia("(max-width: 76.234375em)");
  var TOGGLES = ".md-nav--primary label[data-hub-toggle][for], .md-header label[data-hub-toggle][for]";

  function toggleOf(button) {
    return document.getElementById(button.getAttribute("for"));
  }

  function isSectionHeading(label) {
    var item = label.parentElement.closest(".md-nav__item");
    return !label.classList.contains("md-nav__title") && !!item &&
      item.classList.contains("md-nav__item--section");
  }

  function buttonFor(label) {
    var button = document.createElement("button");
    button.type = "button";
    for (var i = 0; i < label.attributes.length; i++) {
      button.setAttribute(label.attributes[i].name, label.attributes[i].value);
    }
    button.classList.add("hub-toggle");
    // An icon alone names no button: the template gives its name as data-hub-toggle="Name".
    if (label.getAttribute("data-hub-toggle")) {
      button.setAttribute("aria-label", label.getAttribute("data-hub-toggle"));
    }
    return button;
  }

  function upgrade(label) {
    var button = buttonFor(label);
    if (isSectionHeading(label)) {
      // The label stays as the wide screen's heading: the button takes its id.
      for (var i = 0; i < label.childNodes.length; i++) {
        button.appendChild(label.childNodes[i].cloneNode(true));
      }
      button.classList.add("hub-toggle--section");
      label.classList.add("hub-nav-heading");
      label.removeAttribute("id");
      label.removeAttribute("data-hub-toggle");
      label.parentNode.insertBefore(button, label);
    } else {
      while (label.firstChild) {
        button.appendChild(label.firstChild);
      }
      label.parentNode.replaceChild(button, label);
    }
    return button;
  }

  function showState(toggle) {
    var buttons = document.querySelectorAll('button.hub-toggle[for="' + toggle.id + '"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
  }

  function isVisible(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  // --- Navigation sections --------------------------------------------------------------

  function moveFocusInPhoneMenu(button, toggle) {
    if (!phoneMenu.matches || !button.closest(".md-nav--primary")) {
      return;
    }
    var selector = toggle.checked ? "button.md-nav__title" : "button.md-nav__link";
    if (button.matches(selector)) {
      return;
    }
    var target = document.querySelector(selector + '[for="' + toggle.id + '"]');
    if (target) {
      target.focus({ preventScroll: true });
    }
  }

  // The menu button opens the phone menu over the page: focus goes into the menu, to the
  // first control of the list it shows (Escape closes it again: see main.html).
  function focusIntoMenu() {
    var drawer = document.getElementById("__drawer");
    var menuButton = document.querySelector(".hub-menu-button");
    if (!drawer || !menuButton) {
      return;
    }
    drawer.addEventListener("change", function () {
      if (!drawer.checked || document.activeElement !== menuButton) {
        return;
      }
      var controls = document.querySelectorAll(".md-nav--primary a[href], .md-nav--primary button");
      for (var i = 0; i < controls.length; i++) {
        if (isVisible(controls[i])) {
          controls[i].focus({ preventScroll: true });
          return;
        }
      }
    });
  }

  // --- Search ---------------------------------------------------------------------------

  var search = document.getElementById("__search");
  var searchInput = document.querySelector("input.md-search__input");
  var opener = null;      // the control that opened the search, if a control did
  var activated = null;   // the control the reader last pressed or clicked
  var returning = false;  // the search is closing by Escape or its button: focus goes back

  function controlAt(element) {
    if (!(element instanceof Element) || element.closest(".md-search") || element.matches(".md-toggle")) {
      return null;
    }
    return element.closest("a[href], button, input, select, textarea, [tabindex]");
  }

  function searchButton() {
    var buttons = document.querySelectorAll('.md-header button.hub-toggle[for="__search"]');
    for (var i = 0; i < buttons.length; i++) {
      if (isVisible(buttons[i])) {
        return buttons[i];
      }
    }
    return null;
  }

  function setUpSearch() {
    if (!search || !searchInput) {
      return;
    }
    // What the reader last used: a pointer or a key. Typing "/" or Tab is not a control.
    document.addEventListener("pointerdown", function (event) { activated = controlAt(event.target); }, true);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        activated = controlAt(document.activeElement);
      } else if (event.key === "Escape") {
        returning = search.checked;
      } else {
        activated = null;
      }
    }, true);
    search.addEventListener("change", function () {
      if (search.checked) {
        opener = activated;
        return;
      }
      if (!returning) {
        return;
      }
      returning = false;
      var target = opener && opener.isConnected && isVisible(opener) ? opener : searchButton();
      opener = null;
      // Material blurs the search box after closing the search: focus once it has.
      if (target) {
        setTimeout(function () { target.focus(); }, 0);
      }
    });
    // A search button opens the search by putting focus in its box, as Material's label
    // does; pressed while the search is open (the phone's back arrow), it closes it.
    var buttons = document.querySelectorAll('.md-header button.hub-toggle[for="__search"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        if (search.checked) {
          returning = true;
          search.click();
        } else {
          activated = controlAt(event.currentTarget);
          searchInput.focus();
        }
      });
    }
  }

  // --- Setting up -----------------------------------------------------------------------

  function press(event) {
    var button = event.currentTarget;
    var toggle = toggleOf(button);
    if (!toggle || toggle === search) {  // the search buttons have their own handler
      return;
    }
    toggle.click();
    moveFocusInPhoneMenu(button, toggle);
  }

  function setUp() {
    var labels = document.querySelectorAll(TOGGLES);
    var toggles = [];
    for (var i = 0; i < labels.length; i++) {
      var button = upgrade(labels[i]);
      button.addEventListener("click", press);
      var toggle = toggleOf(button);
      if (toggle && toggles.indexOf(toggle) < 0) {
        toggles.push(toggle);
        toggle.addEventListener("change", function (event) { showState(event.target); });
      }
    }
    var sync = function () { toggles.forEach(showState); };
    sync();
    // A page restored from the back/forward cache keeps its tick boxes: show their state.
    window.addEventListener("pageshow", sync);
    focusIntoMenu();
    setUpSearch();
  }

  // At once, before Material sets up its components on DOMContentLoaded: Material then binds
  // its own search-button handler (focus the search box) to the button, not the old label.
  setUp();
})();
