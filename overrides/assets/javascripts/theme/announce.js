/* Material for MkDocs 9.8.1, partials/javascripts/announce.html, moved into a file so that no page
   carries an inline script (SECURITY.md). */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
