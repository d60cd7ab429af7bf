/* A moved page's old address (overrides/moved-page.html): go on to the new one, keeping the
   #heading the reader asked for. */
(function () {
  var target = document.currentScript.dataset.target;
  var heading = window.location.hash;
  window.location.replace(target + heading);
})();
