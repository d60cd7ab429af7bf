/* The 404 page's search form hands its words to the site's search (overrides/404.html). */
document.getElementById("hub-404-search").addEventListener("submit", function (event) {
  event.preventDefault();
  var words = document.getElementById("hub-404-query").value;
  var search = document.querySelector("input.md-search__input");
  if (!search) { return; }
  search.value = words;
  search.focus();
  search.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
});
