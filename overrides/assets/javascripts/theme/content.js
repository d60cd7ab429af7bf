/* Material for MkDocs 9.8.1, partials/javascripts/content.html (without content.tabs.link, which
   the hub does not use), moved into a file so that no page carries an inline script (SECURITY.md). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
